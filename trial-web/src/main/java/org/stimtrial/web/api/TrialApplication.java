package org.stimtrial.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API under {@code /api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "StimTrial API", version = "0.1",
        description = "Trial data management for multi-site pharmacotherapy trials in amphetamine and"
                + " methamphetamine use disorder. Errors are RFC 9457 problem+json bodies."))
public class TrialApplication extends Application {
}
