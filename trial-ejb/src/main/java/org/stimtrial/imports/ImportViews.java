package org.stimtrial.imports;

import java.time.OffsetDateTime;
import java.util.Optional;

/** What the API shows of imports. */
public final class ImportViews {
    private ImportViews() {
    }

    /** The answer to a delivery: the batch it made (or the earlier batch it duplicates). */
    public record Receipt(long batchId, boolean duplicate, BatchStatus status) {
    }

    /** A delivery stored and applied: the batch (or the earlier batch it repeats) after processing. */
    public record Ingested(boolean duplicate, BatchView batch) {
    }

    /**
     * A batch with its reconciliation report; while its records are being applied, {@code progress} says how many
     * of them are done (otherwise it is absent).
     */
    public record BatchView(long id, String channel, String format, String site, String fileName, String checksum,
                            String sourceId, long sizeBytes, OffsetDateTime receivedAt, String receivedBy,
                            BatchStatus status, String rejectionReason, OffsetDateTime processedAt,
                            Reconciliation reconciliation, Progress progress) {
        /** A batch not being applied at the moment. */
        public BatchView(long id, String channel, String format, String site, String fileName, String checksum,
                         String sourceId, long sizeBytes, OffsetDateTime receivedAt, String receivedBy,
                         BatchStatus status, String rejectionReason, OffsetDateTime processedAt,
                         Reconciliation reconciliation) {
            this(id, channel, format, site, fileName, checksum, sourceId, sizeBytes, receivedAt, receivedBy, status,
                    rejectionReason, processedAt, reconciliation, null);
        }

        static BatchView of(ImportBatch b) {
            return of(b, Optional.empty());
        }

        static BatchView of(ImportBatch b, Optional<Progress> progress) {
            return new BatchView(b.id(), b.channel().name(), b.format().name(), b.siteCode().orElse(null),
                    b.fileName(), b.checksum(), b.sourceId().orElse(null), b.sizeBytes(), b.receivedAt(),
                    b.receivedBy(), b.status(), b.rejectionReason().orElse(null), b.processedAt().orElse(null),
                    b.reconciliation(), progress.filter(p -> b.status() == BatchStatus.RECEIVED).orElse(null));
        }
    }

    /** Records of a batch applied so far, of all its records. */
    public record Progress(int recordsApplied, int recordsTotal) {
    }

    /**
     * One record of a batch, its original text, and what became of it. {@code rawFrom} says where the text was found:
     * {@code RECORD} (the copy kept with a record that needs a data manager), {@code PAYLOAD} (an accepted record's,
     * read again from its batch's payload) or {@code UNAVAILABLE} (the payload no longer gives the record's text back;
     * {@code raw} is then absent).
     */
    public record RecordView(long id, long batchId, int recordNo, RecordStatus status, String reason,
                             String screeningNumber, Long queryId, String raw, String rawFrom, String correctedRaw,
                             String resolvedBy, OffsetDateTime resolvedAt) {
        static RecordView of(ImportRecord r, RecordText texts) {
            RecordText.Found text = texts.of(r);
            return new RecordView(r.id(), r.batch().id(), r.recordNo(), r.status(), r.reason().orElse(null),
                    r.subjectNumber().orElse(null), r.queryId().orElse(null), text.text().orElse(null),
                    text.source().name(), r.correctedRaw().orElse(null), r.resolvedBy().orElse(null),
                    r.resolvedAt().orElse(null));
        }
    }
}
