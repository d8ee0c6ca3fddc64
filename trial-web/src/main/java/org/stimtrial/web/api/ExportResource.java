package org.stimtrial.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.stimtrial.audit.Actor;
import org.stimtrial.export.OdmExport;
import org.stimtrial.study.StudyService;
import org.stimtrial.web.security.CurrentActor;

/**
 * Downloads of the study's data in exchange formats, for data managers and statisticians (no arm is in them); every
 * download is recorded in the audit trail.
 */
@Path("studies/{study}/exports")
@RequestScoped
@RolesAllowed({"DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN"})
public class ExportResource {
    @EJB
    private OdmExport odm;
    @EJB
    private StudyService studies;
    @Inject
    private CurrentActor actor;

    /** The craving forms as CDISC ODM 1.3.2 (metadata, sites, users, clinical data), the ePRO import's OIDs. */
    @GET
    @Path("odm/cravings")
    @Produces(MediaType.APPLICATION_XML)
    public Response odmCravings(@PathParam("study") String study) {
        studies.study(study);
        Actor who = actor.api();
        StreamingOutput body = out -> odm.writeCravings(study, out, who);
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + study
                + "-cravings-odm.xml\"").build();
    }
}
