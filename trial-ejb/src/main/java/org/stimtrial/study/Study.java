package org.stimtrial.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;
import org.stimtrial.shared.BaseEntity;

/** A trial protocol: its code (e.g. {@code STIM-301}), title and protocol version. */
@Entity
@Table(name = "study")
public class Study extends BaseEntity {
    @Column(name = "protocol_code", nullable = false)
    private String protocolCode;
    @Column(nullable = false)
    private String title;
    @Column(name = "protocol_version", nullable = false)
    private String protocolVersion;

    protected Study() {
    }

    public Study(String protocolCode, String title, String protocolVersion) {
        this.protocolCode = Objects.requireNonNull(protocolCode);
        this.title = Objects.requireNonNull(title);
        this.protocolVersion = Objects.requireNonNull(protocolVersion);
    }

    public String protocolCode() {
        return protocolCode;
    }

    public String title() {
        return title;
    }

    public String protocolVersion() {
        return protocolVersion;
    }
}
