package org.stimtrial.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.ZoneId;
import java.util.Objects;
import org.stimtrial.shared.BaseEntity;

/** A clinical site that enrolls subjects; dates entered at the site are in its time zone. */
@Entity
@Table(name = "site")
public class Site extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "study_id")
    private Study study;
    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(name = "time_zone", nullable = false)
    private String timeZone;
    @Column(nullable = false)
    private boolean active;

    protected Site() {
    }

    public Site(Study study, String code, String name, ZoneId timeZone, boolean active) {
        this.study = Objects.requireNonNull(study);
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.timeZone = timeZone.getId();
        this.active = active;
    }

    public Study study() {
        return study;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public boolean isActive() {
        return active;
    }
}
