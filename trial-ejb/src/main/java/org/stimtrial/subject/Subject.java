package org.stimtrial.subject;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stimtrial.audit.Auditable;
import org.stimtrial.shared.BaseEntity;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.study.Site;
import org.stimtrial.study.Study;

/** A trial participant, from screening to the end of participation. */
@Entity
@Table(name = "subject")
public class Subject extends BaseEntity implements Auditable {
    @ManyToOne(optional = false)
    @JoinColumn(name = "study_id")
    private Study study;
    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;
    @Embedded
    private ScreeningNumber screeningNumber;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sex sex;
    @Column(name = "year_of_birth", nullable = false)
    private int yearOfBirth;
    @Column(name = "consent_date", nullable = false)
    private LocalDate consentDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SubjectStatus status;
    @Column(name = "status_date", nullable = false)
    private LocalDate statusDate;
    @Column(name = "status_reason")
    private String statusReason;
    @Version
    private long version;

    protected Subject() {
    }

    /** A newly screened participant; the screening date is the consent date. */
    public Subject(Study study, Site site, ScreeningNumber screeningNumber, Sex sex, int yearOfBirth,
                   LocalDate consentDate) {
        this.study = Objects.requireNonNull(study);
        this.site = Objects.requireNonNull(site);
        this.screeningNumber = Objects.requireNonNull(screeningNumber);
        this.sex = Objects.requireNonNull(sex);
        this.yearOfBirth = yearOfBirth;
        this.consentDate = Objects.requireNonNull(consentDate);
        this.status = SubjectStatus.SCREENED;
        this.statusDate = consentDate;
    }

    /**
     * Moves the participant to {@code target}. Illegal transitions are rejected; ending participation needs a reason;
     * the date cannot precede the current status date.
     */
    public void moveTo(SubjectStatus target, LocalDate date, String reason) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException("illegal-transition", "A subject who is " + status + " cannot become "
                    + target + " (allowed: " + status.next() + ")");
        }
        if (target.requiresReason() && (reason == null || reason.isBlank())) {
            throw new ValidationFailedException("reason", "a reason is required to mark a subject " + target);
        }
        if (date.isBefore(statusDate)) {
            throw new ValidationFailedException("date", "the date cannot be before the current status date "
                    + statusDate);
        }
        this.status = target;
        this.statusDate = date;
        this.statusReason = reason == null || reason.isBlank() ? null : reason;
    }

    public Study study() {
        return study;
    }

    public Site site() {
        return site;
    }

    public ScreeningNumber screeningNumber() {
        return screeningNumber;
    }

    public Sex sex() {
        return sex;
    }

    public int yearOfBirth() {
        return yearOfBirth;
    }

    public LocalDate consentDate() {
        return consentDate;
    }

    public SubjectStatus status() {
        return status;
    }

    public LocalDate statusDate() {
        return statusDate;
    }

    public Optional<String> statusReason() {
        return Optional.ofNullable(statusReason);
    }

    public long version() {
        return version;
    }

    @Override
    public String auditType() {
        return "Subject";
    }

    @Override
    public String auditId() {
        return Long.toString(id());
    }

    @Override
    public long auditSubjectId() {
        return id();
    }

    @Override
    public Map<String, String> auditState() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("screeningNumber", screeningNumber.value());
        state.put("site", site.code());
        state.put("sex", sex.name());
        state.put("yearOfBirth", Integer.toString(yearOfBirth));
        state.put("consentDate", consentDate.toString());
        state.put("status", status.name());
        state.put("statusDate", statusDate.toString());
        state.put("statusReason", statusReason);
        return state;
    }
}
