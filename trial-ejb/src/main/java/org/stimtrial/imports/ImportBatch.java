package org.stimtrial.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.stimtrial.shared.BaseEntity;
import org.stimtrial.study.Study;

/** One received file or message, and what became of its records. */
@Entity
@Table(name = "import_batch")
public class ImportBatch extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "study_id")
    private Study study;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportFormat format;
    @Column(name = "site_code")
    private String siteCode;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(nullable = false)
    private String checksum;
    @Column(name = "source_id")
    private String sourceId;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;
    @Column(name = "received_by", nullable = false)
    private String receivedBy;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BatchStatus status;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "processed_at")
    private OffsetDateTime processedAt;
    @Column(name = "records_received", nullable = false)
    private int received;
    @Column(name = "records_accepted", nullable = false)
    private int accepted;
    @Column(name = "records_quarantined", nullable = false)
    private int quarantined;
    @Column(name = "records_duplicate", nullable = false)
    private int duplicates;
    @Column(name = "records_conflict", nullable = false)
    private int conflicts;

    protected ImportBatch() {
    }

    ImportBatch(Study study, Delivery delivery, String checksum, Optional<String> sourceId, long sizeBytes,
                OffsetDateTime receivedAt) {
        arrived(study, delivery, checksum, sourceId, sizeBytes, receivedAt);
    }

    /**
     * A batch with a key drawn beforehand, written with JDBC by the transaction that received it
     * ({@link JdbcImportWriter#hold}) rather than persisted.
     */
    ImportBatch(long id, Study study, Delivery delivery, String checksum, Optional<String> sourceId, long sizeBytes,
                OffsetDateTime receivedAt) {
        super(id);
        arrived(study, delivery, checksum, sourceId, sizeBytes, receivedAt);
    }

    private void arrived(Study study, Delivery delivery, String checksum, Optional<String> sourceId, long sizeBytes,
                         OffsetDateTime receivedAt) {
        this.sourceId = sourceId.orElse(null);
        this.study = Objects.requireNonNull(study);
        this.channel = delivery.channel();
        this.format = delivery.format();
        this.siteCode = delivery.siteCode().orElse(null);
        this.fileName = delivery.fileName();
        this.receivedBy = delivery.receivedBy();
        this.checksum = Objects.requireNonNull(checksum);
        this.sizeBytes = sizeBytes;
        this.receivedAt = Objects.requireNonNull(receivedAt);
        this.status = BatchStatus.RECEIVED;
    }

    public Study study() {
        return study;
    }

    public ImportChannel channel() {
        return channel;
    }

    public ImportFormat format() {
        return format;
    }

    /** The sending site, when the channel names one (a site's folder); its records must be of that site. */
    public Optional<String> siteCode() {
        return Optional.ofNullable(siteCode);
    }

    public String fileName() {
        return fileName;
    }

    public String checksum() {
        return checksum;
    }

    /** The sender's id of the payload (HL7: MSH-4 and MSH-10), when the format carries one. */
    public Optional<String> sourceId() {
        return Optional.ofNullable(sourceId);
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    public String receivedBy() {
        return receivedBy;
    }

    public BatchStatus status() {
        return status;
    }

    public Optional<String> rejectionReason() {
        return Optional.ofNullable(rejectionReason);
    }

    public Optional<OffsetDateTime> processedAt() {
        return Optional.ofNullable(processedAt);
    }

    public Reconciliation reconciliation() {
        return new Reconciliation(received, accepted, quarantined, duplicates, conflicts);
    }

    void reject(String reason, OffsetDateTime at) {
        requireReceived();
        this.status = BatchStatus.REJECTED;
        this.rejectionReason = reason;
        this.processedAt = at;
    }

    void processed(Reconciliation counts, OffsetDateTime at) {
        requireReceived();
        this.status = BatchStatus.PROCESSED;
        this.processedAt = at;
        this.received = counts.received();
        this.accepted = counts.accepted();
        this.quarantined = counts.quarantined();
        this.duplicates = counts.duplicates();
        this.conflicts = counts.conflicts();
    }

    /** A quarantined record was corrected and saved. */
    void corrected() {
        quarantined--;
        accepted++;
    }

    private void requireReceived() {
        if (status != BatchStatus.RECEIVED) {
            throw new IllegalStateException("batch " + id() + " was already " + status);
        }
    }
}
