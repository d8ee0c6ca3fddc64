package org.stimtrial.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.imports.ImportFormat;
import org.stimtrial.imports.ImportService;
import org.stimtrial.imports.ImportViews.BatchView;
import org.stimtrial.imports.ImportViews.Receipt;
import org.stimtrial.imports.ImportViews.RecordView;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.web.problem.MaxBodySize;
import org.stimtrial.web.security.CurrentActor;

/**
 * Data managers upload site and lab files, read each batch's reconciliation report and records, work the
 * quarantine and correct quarantined records. The file is stored before it is read; the same file again answers 200
 * with the earlier batch and creates nothing.
 */
@Path("studies/{study}/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("DATA_MANAGER")
public class ImportResource {
    @EJB
    private ImportService imports;
    @Inject
    private CurrentActor actor;

    @POST
    @MaxBodySize(ImportService.MAX_BYTES)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.TEXT_XML,
            MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@PathParam("study") String study, @QueryParam("format") String format,
                           @QueryParam("site") String site, @QueryParam("fileName") String fileName, byte[] body) {
        if (format == null || format.isBlank()) {
            throw new ValidationFailedException("format", "is required: one of URINE_SCREEN_CSV, CRAVING_CSV,"
                    + " CRAVING_ODM, HL7_ORU_R01");
        }
        ImportFormat f = Codes.parse(ImportFormat.class, "format", format);
        Delivery delivery = new Delivery(study, ImportChannel.UPLOAD, f, Optional.ofNullable(site)
                .filter(s -> !s.isBlank()), fileName == null || fileName.isBlank() ? "upload" : fileName,
                actor.api().username());
        byte[] content = body == null ? new byte[0] : body;
        Receipt receipt = imports.receive(delivery, content);
        BatchView batch = imports.process(receipt.batchId(), content);
        return Response.status(receipt.duplicate() ? Response.Status.OK : Response.Status.CREATED).entity(batch)
                .build();
    }

    @GET
    public List<BatchView> batches(@PathParam("study") String study) {
        return imports.batches(study);
    }

    @GET
    @Path("quarantine")
    public List<RecordView> quarantine(@PathParam("study") String study) {
        return imports.quarantine(study);
    }

    @GET
    @Path("{batch}")
    public BatchView batch(@PathParam("study") String study, @PathParam("batch") long batch) {
        return imports.batch(study, batch);
    }

    @GET
    @Path("{batch}/records")
    public List<RecordView> records(@PathParam("study") String study, @PathParam("batch") long batch) {
        return imports.records(study, batch);
    }

    /**
     * The corrected text of one quarantined record in its format: CSV rows without header (the documented column
     * order), one HL7 message, or one ODM {@code SubjectData} element as the record shows it.
     */
    @POST
    @Path("records/{record}/correction")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public RecordView correct(@PathParam("study") String study, @PathParam("record") long record, String text) {
        return imports.correct(study, record, text == null ? "" : text, actor.api());
    }
}
