package org.stimtrial.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a batch exactly as received. Never changed. */
@Entity
@Table(name = "import_payload")
public class ImportPayload {
    @Id
    @Column(name = "batch_id")
    private Long batchId;
    @Column(nullable = false)
    private byte[] content;

    protected ImportPayload() {
    }

    ImportPayload(long batchId, byte[] content) {
        this.batchId = batchId;
        this.content = content.clone();
    }

    long batchId() {
        return batchId;
    }

    byte[] content() {
        return content.clone();
    }
}
