package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.imports.ImportFormat;
import org.stimtrial.imports.ImportService;
import org.stimtrial.imports.ImportViews.BatchView;
import org.stimtrial.imports.ImportViews.Receipt;
import org.stimtrial.imports.ImportViews.RecordView;
import org.stimtrial.web.security.CurrentActor;

/**
 * Data management of imports: upload a file (the same pipeline as the drop folders and the API), the batches with
 * their reconciliation, and the quarantine, where a record is corrected and processed again.
 */
@Named("importsPage")
@ViewScoped
public class ImportsBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ImportService imports;
    @Inject
    private CurrentActor actor;
    @Inject
    private Navigation nav;

    private String format = ImportFormat.URINE_SCREEN_CSV.name();
    private String site;
    private transient Part file;
    private final HashMap<Long, String> corrections = new HashMap<>();

    public List<String> getFormats() {
        return Arrays.stream(ImportFormat.values()).map(Enum::name).toList();
    }

    public List<String> getSites() {
        return nav.getStudy().sites().stream().map(s -> s.code()).toList();
    }

    public List<BatchView> getBatches() {
        return imports.batches(nav.getProtocol());
    }

    public List<RecordView> getQuarantine() {
        return imports.quarantine(nav.getProtocol());
    }

    public String received(BatchView b) {
        return Ui.at(b.receivedAt(), b.site() == null ? ZoneOffset.UTC : nav.zoneOf(b.site()));
    }

    public void upload() throws IOException {
        if (file == null || file.getSize() == 0) {
            Ui.error("upload:file", "Choose a file that is not empty");
            return;
        }
        if (file.getSize() > ImportService.MAX_BYTES) {
            Ui.error("upload:file", "The file is larger than " + ImportService.MAX_BYTES / (1024 * 1024) + " MB");
            return;
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        }
        String name = Optional.ofNullable(file.getSubmittedFileName()).filter(n -> !n.isBlank()).orElse("upload");
        Delivery delivery = new Delivery(nav.getProtocol(), ImportChannel.UPLOAD, ImportFormat.valueOf(format),
                Optional.ofNullable(site).filter(s -> !s.isBlank()), name, actor.ui().username());
        Ui.attempt(() -> {
            Receipt receipt = imports.receive(delivery, content);
            BatchView batch = imports.process(receipt.batchId(), content);
            Ui.info(receipt.duplicate() ? "Already received as batch " + batch.id() + ": nothing new was imported"
                    : "Batch " + batch.id() + " " + batch.status() + ": " + summary(batch));
        });
    }

    /** The reconciliation report of a batch in words. */
    public static String summary(BatchView b) {
        var r = b.reconciliation();
        return r.received() + " received, " + r.accepted() + " accepted, " + r.quarantined() + " quarantined, "
                + r.duplicates() + " duplicates, " + r.conflicts() + " conflicts"
                + (b.rejectionReason() == null ? "" : "; rejected: " + b.rejectionReason());
    }

    public void correct(long recordId) {
        String text = corrections.getOrDefault(recordId, "");
        if (text.isBlank()) {
            Ui.error(null, "Enter the corrected record " + recordId + " first");
            return;
        }
        if (Ui.attempt(() -> {
            RecordView r = imports.correct(nav.getProtocol(), recordId, text, actor.ui());
            Ui.info("Record " + recordId + " processed again: " + r.status()
                    + (r.reason() == null ? "" : " (" + r.reason() + ")"));
        })) {
            corrections.remove(recordId);
        }
    }

    public Map<Long, String> getCorrections() {
        return corrections;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getSite() {
        return site;
    }

    public void setSite(String site) {
        this.site = site;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
