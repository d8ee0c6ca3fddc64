package org.stimtrial.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.stimtrial.audit.AuditService;
import org.stimtrial.audit.ChainVerification;

/** Verification of the audit trail's hash chain. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @EJB
    private AuditService audit;

    @GET
    @Path("verify")
    @RolesAllowed({"DATA_MANAGER", "ADMINISTRATOR"})
    public VerificationView verify() {
        ChainVerification v = audit.verifyChain();
        return new VerificationView(v.isIntact(), v.recordsChecked(), v.firstBrokenSeq().orElse(null),
                v.problem().orElse(null));
    }

    /** The outcome of a verification. */
    public record VerificationView(boolean intact, long recordsChecked, Long firstBrokenRecord, String problem) {
    }
}
