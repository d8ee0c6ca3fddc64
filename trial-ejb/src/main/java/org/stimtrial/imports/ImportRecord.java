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

/**
 * One record of a batch (a specimen, an assessment), what became of it, and its original text: a copy for a record
 * that needs a data manager, only the text's checksum for an accepted one, whose text is in the batch's payload
 * ({@link RecordText}).
 */
@Entity
@Table(name = "import_record")
public class ImportRecord extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "batch_id")
    private ImportBatch batch;
    @Column(name = "record_no", nullable = false)
    private int recordNo;
    @Column
    private String raw;
    @Column(name = "raw_crc32c")
    private Integer rawCrc32c;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RecordStatus status;
    @Column
    private String reason;
    @Column(name = "subject_number")
    private String subjectNumber;
    @Column(name = "query_id")
    private Long queryId;
    @Column(name = "corrected_raw")
    private String correctedRaw;
    @Column(name = "resolved_by")
    private String resolvedBy;
    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    protected ImportRecord() {
    }

    ImportRecord(ImportBatch batch, int recordNo, String raw, String subjectNumber, Outcome outcome) {
        this.batch = Objects.requireNonNull(batch);
        this.recordNo = recordNo;
        RecordText.Kept kept = RecordText.kept(Objects.requireNonNull(raw), outcome.status());
        this.raw = kept.copy().orElse(null);
        this.rawCrc32c = kept.crc().orElse(null);
        this.subjectNumber = subjectNumber;
        this.status = outcome.status();
        this.reason = outcome.reason().orElse(null);
        this.queryId = outcome.queryId().orElse(null);
    }

    public ImportBatch batch() {
        return batch;
    }

    public int recordNo() {
        return recordNo;
    }

    /** The copy of the record's text, kept when the record needs a data manager or was stored before V12. */
    Optional<String> copiedText() {
        return Optional.ofNullable(raw);
    }

    /** The CRC-32C of the text of a record that keeps no copy. */
    Optional<Integer> textCrc() {
        return Optional.ofNullable(rawCrc32c);
    }

    public RecordStatus status() {
        return status;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> subjectNumber() {
        return Optional.ofNullable(subjectNumber);
    }

    public Optional<Long> queryId() {
        return Optional.ofNullable(queryId);
    }

    public Optional<String> correctedRaw() {
        return Optional.ofNullable(correctedRaw);
    }

    public Optional<String> resolvedBy() {
        return Optional.ofNullable(resolvedBy);
    }

    public Optional<OffsetDateTime> resolvedAt() {
        return Optional.ofNullable(resolvedAt);
    }

    /** A data manager's correction was applied. */
    void corrected(String text, String by, OffsetDateTime at) {
        if (status != RecordStatus.QUARANTINED) {
            throw new IllegalStateException("only a quarantined record can be corrected");
        }
        this.status = RecordStatus.CORRECTED;
        this.correctedRaw = text;
        this.resolvedBy = by;
        this.resolvedAt = at;
    }

    /** A correction that still fails: the record stays quarantined with the new reason. */
    void stillQuarantined(String newReason) {
        this.reason = newReason;
    }

    /** What applying a record gave. */
    record Outcome(RecordStatus status, Optional<String> reason, Optional<Long> queryId) {
        static Outcome accepted() {
            return new Outcome(RecordStatus.ACCEPTED, Optional.empty(), Optional.empty());
        }

        /** Accepted, with a note of what was done (e.g. earlier results replaced by a correction). */
        static Outcome accepted(String note) {
            return new Outcome(RecordStatus.ACCEPTED, Optional.of(note), Optional.empty());
        }

        static Outcome quarantined(String reason) {
            return new Outcome(RecordStatus.QUARANTINED, Optional.of(reason), Optional.empty());
        }

        static Outcome duplicate(String reason) {
            return new Outcome(RecordStatus.DUPLICATE, Optional.of(reason), Optional.empty());
        }

        static Outcome conflict(String reason, long queryId) {
            return new Outcome(RecordStatus.CONFLICT, Optional.of(reason), Optional.of(queryId));
        }
    }
}
