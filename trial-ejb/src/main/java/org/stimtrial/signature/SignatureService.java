package org.stimtrial.signature;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditRecord;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.audit.FieldChange;
import org.stimtrial.audit.RecordState;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.signature.SignatureView.Invalidation;
import org.stimtrial.signature.SignatureView.Status;
import org.stimtrial.subject.Subject;
import org.stimtrial.subject.Subjects;
import org.stimtrial.user.AppUser;
import org.stimtrial.visit.JpaVisitRepository;
import org.stimtrial.visit.Visit;

/**
 * Signing visits and casebooks, and showing signatures with their current validity. The caller has already checked
 * the signer's role, site and re-entered password.
 */
@Stateless
public class SignatureService {
    static final String CASEBOOK = "casebook";
    static final String VISIT = "visit";

    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;

    public SignatureService() {
    }

    public SignatureService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Signs one visit ({@code visitCode} present) or the whole casebook of a participant. */
    public SignatureView sign(Actor signer, String protocolCode, String screeningNumber, Optional<String> visitCode,
                              SignatureMeaning meaning) {
        Subject subject = Subjects.require(em, protocolCode, screeningNumber);
        Optional<Visit> visit = visit(subject, visitCode);
        AppUser user = Optional.ofNullable(em.find(AppUser.class, signer.username()))
                .orElseThrow(() -> new UnknownEntityException("user", signer.username()));
        AuditTrail trail = new AuditTrail(em, clock);
        long position = trail.lockedPosition();
        SignedContent content = SignedContent.of(em, subject, visit);
        ElectronicSignature signature = new ElectronicSignature(subject, visit, user.username(), user.fullName(),
                meaning, OffsetDateTime.now(clock), position, content.hash());
        em.persist(signature);
        em.flush();
        trail.inserted(signer, null, "ElectronicSignature", Long.toString(signature.id()), subject.id(),
                RecordState.fields("scope", scopeText(signature), "printedName", signature.printedName(), "meaning",
                        meaning.text(), "contentHash", signature.contentHash()));
        return view(signature, content, List.of());
    }

    /** A participant's signatures, newest first, each with its current validity. */
    public List<SignatureView> signatures(String protocolCode, String screeningNumber) {
        Subject subject = Subjects.require(em, protocolCode, screeningNumber);
        List<ElectronicSignature> signatures = em.createQuery("SELECT e FROM ElectronicSignature e WHERE"
                + " e.subject = :s ORDER BY e.signedAt DESC, e.id DESC", ElectronicSignature.class)
                .setParameter("s", subject).getResultList();
        if (signatures.isEmpty()) {
            return List.of();
        }
        long earliest = signatures.stream().mapToLong(ElectronicSignature::signedThroughSeq).min().orElseThrow();
        List<AuditRecord> later = new AuditTrail(em, clock).ofSubjectAfter(subject.id(), earliest);
        return signatures.stream().map(s -> view(s, SignedContent.of(em, subject, s.visit()), later)).toList();
    }

    private Optional<Visit> visit(Subject subject, Optional<String> visitCode) {
        if (visitCode.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JpaVisitRepository(em).visit(subject, visitCode.get())
                .orElseThrow(() -> new UnknownEntityException("recorded visit", visitCode.get())));
    }

    private static SignatureView view(ElectronicSignature s, SignedContent now, List<AuditRecord> later) {
        Invalidation invalidation = invalidation(s, now, later).orElse(null);
        return new SignatureView(s.id(), s.visit().isPresent() ? VISIT : CASEBOOK,
                s.visit().map(v -> v.definition().code()).orElse(null), s.username(), s.printedName(),
                s.meaning().name(), s.meaning().text(), s.signedAt(), s.contentHash(),
                invalidation == null ? Status.VALID : Status.INVALIDATED, invalidation);
    }

    /**
     * The first audit record after signing that touches a covered record; failing that, a content hash that no longer
     * matches (a record removed without an audit record would show here).
     */
    private static Optional<Invalidation> invalidation(ElectronicSignature s, SignedContent now,
                                                       List<AuditRecord> later) {
        Set<String> covered = now.keys();
        for (AuditRecord r : later) {
            if (r.seq() > s.signedThroughSeq() && covered.contains(SignedContent.key(r.entityType(), r.entityId()))) {
                return Optional.of(new Invalidation(r.occurredAt(), r.username(), r.entityType(), r.changes().stream()
                        .map(FieldChange::field).collect(Collectors.joining(", ")),
                        r.reason().orElse(null), "Data changed after signing: a new signature is needed"));
            }
        }
        if (!now.hash().equals(s.contentHash())) {
            return Optional.of(new Invalidation(null, null, null, null, null,
                    "The signed data no longer match their hash: a new signature is needed"));
        }
        return Optional.empty();
    }

    private static String scopeText(ElectronicSignature s) {
        return s.visit().map(v -> VISIT + " " + v.definition().code()).orElse(CASEBOOK);
    }
}
