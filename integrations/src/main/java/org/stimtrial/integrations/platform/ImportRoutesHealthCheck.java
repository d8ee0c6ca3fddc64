package org.stimtrial.integrations.platform;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** UP when the Camel context runs and every import route is started; each route's status is listed. */
@Readiness
@Liveness
@ApplicationScoped
public class ImportRoutesHealthCheck implements HealthCheck {
    @EJB
    private CamelBootstrap camel;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("import-routes");
        Map<String, String> routes = camel.routeStatus();
        routes.forEach(b::withData);
        return b.status(camel.isStarted() && routes.values().stream().allMatch("Started"::equals)).build();
    }
}
