package org.stimtrial.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.stimtrial.audit.AuditService;
import org.stimtrial.audit.AuditView;
import org.stimtrial.audit.ChainVerification;

/** Verification of the audit trail's hash chain, and the sign-in events it holds. */
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

    /** Sign-in successes (at most one per user per 15 minutes), failures, lockouts and logouts, newest first. */
    @GET
    @Path("logins")
    @RolesAllowed({"DATA_MANAGER", "ADMINISTRATOR"})
    public List<AuditView> logins(@QueryParam("user") String user, @QueryParam("limit") Integer limit) {
        int n = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        return audit.loginEvents(Optional.ofNullable(user).filter(u -> !u.isBlank()), n);
    }

    /** The outcome of a verification. */
    public record VerificationView(boolean intact, long recordsChecked, Long firstBrokenRecord, String problem) {
    }
}
