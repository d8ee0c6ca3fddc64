package org.stimtrial.randomization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.stimtrial.shared.BaseEntity;
import org.stimtrial.study.Study;

/** Something the unblinded statistician must act on, e.g. an exhausted stratum or an arm without kits. */
@Entity
@Table(name = "randomization_alert")
public class RandomizationAlert extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "study_id")
    private Study study;
    @Column(nullable = false)
    private String kind;
    @Column(nullable = false)
    private String stratum;
    @Column(nullable = false)
    private String message;
    @Column(name = "raised_by", nullable = false)
    private String raisedBy;
    @Column(name = "raised_at", nullable = false)
    private OffsetDateTime raisedAt;

    protected RandomizationAlert() {
    }

    RandomizationAlert(Study study, String kind, String stratum, String message, String raisedBy,
                       OffsetDateTime raisedAt) {
        this.study = study;
        this.kind = kind;
        this.stratum = stratum;
        this.message = message;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    public String kind() {
        return kind;
    }

    public String stratum() {
        return stratum;
    }

    public String message() {
        return message;
    }

    public String raisedBy() {
        return raisedBy;
    }

    public OffsetDateTime raisedAt() {
        return raisedAt;
    }
}
