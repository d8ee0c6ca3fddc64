package org.stimtrial.signature;

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
import org.stimtrial.subject.Subject;
import org.stimtrial.visit.Visit;

/** One signature over a visit or (without a visit) a whole casebook. Never changed after it is written. */
@Entity
@Table(name = "e_signature")
public class ElectronicSignature extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "subject_id")
    private Subject subject;
    @ManyToOne
    @JoinColumn(name = "visit_id")
    private Visit visit;
    @Column(nullable = false)
    private String username;
    @Column(name = "printed_name", nullable = false)
    private String printedName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SignatureMeaning meaning;
    @Column(name = "signed_at", nullable = false)
    private OffsetDateTime signedAt;
    @Column(name = "signed_through_seq", nullable = false)
    private long signedThroughSeq;
    @Column(name = "content_hash", nullable = false)
    private String contentHash;

    protected ElectronicSignature() {
    }

    ElectronicSignature(Subject subject, Optional<Visit> visit, String username, String printedName,
                        SignatureMeaning meaning, OffsetDateTime signedAt, long signedThroughSeq,
                        String contentHash) {
        this.subject = Objects.requireNonNull(subject);
        this.visit = visit.orElse(null);
        this.username = Objects.requireNonNull(username);
        this.printedName = Objects.requireNonNull(printedName);
        this.meaning = Objects.requireNonNull(meaning);
        this.signedAt = Objects.requireNonNull(signedAt);
        this.signedThroughSeq = signedThroughSeq;
        this.contentHash = Objects.requireNonNull(contentHash);
    }

    public Subject subject() {
        return subject;
    }

    public Optional<Visit> visit() {
        return Optional.ofNullable(visit);
    }

    public String username() {
        return username;
    }

    public String printedName() {
        return printedName;
    }

    public SignatureMeaning meaning() {
        return meaning;
    }

    public OffsetDateTime signedAt() {
        return signedAt;
    }

    long signedThroughSeq() {
        return signedThroughSeq;
    }

    String contentHash() {
        return contentHash;
    }
}
