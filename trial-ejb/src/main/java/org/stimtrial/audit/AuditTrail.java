package org.stimtrial.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Appends audit records to the hash chain inside the caller's transaction: if the clinical change rolls back, so do
 * its audit records, and no clinical change commits without them.
 */
public class AuditTrail {
    private final EntityManager em;
    private final Clock clock;

    public AuditTrail(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records the first save of a record: one audit record holding every present field. */
    public void inserted(Actor actor, Auditable record) {
        inserted(actor, null, record.auditType(), record.auditId(), record.auditSubjectId(), record.auditState());
    }

    /**
     * Records the creation of a record that is not an {@link Auditable} entity, with its reason if it needs one: one
     * audit record of its fields ({@link RecordState#fields} keeps them in order).
     */
    public void inserted(Actor actor, String reason, String entityType, String entityId, Long subjectId,
                         Map<String, String> state) {
        whole(actor, reason, entityType, entityId, subjectId, AuditAction.INSERT, state);
    }

    /** Records the fields that differ between {@code before} and the record's current state. */
    public void updated(Actor actor, String reason, Auditable record, Map<String, String> before) {
        append(actor, reason, record, FieldChange.diff(before, record.auditState()));
    }

    /** Records a deleted record: one audit record holding every field it had. */
    public void deleted(Actor actor, String reason, Auditable record) {
        whole(actor, reason, record.auditType(), record.auditId(), record.auditSubjectId(), AuditAction.DELETE,
                record.auditState());
    }

    public void append(Actor actor, String reason, Auditable record, List<FieldChange> changes) {
        append(actor, reason, record.auditType(), record.auditId(), record.auditSubjectId(), changes);
    }

    /** Records changed fields, one audit record each. */
    public void append(Actor actor, String reason, String entityType, String entityId, Long subjectId,
                       List<FieldChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        AuditChainHead head = lockedHead();
        OffsetDateTime now = AuditHash.normalize(OffsetDateTime.now(clock));
        for (FieldChange change : changes) {
            persist(head, AuditRecordContent.of(head.lastSeq() + 1, now, actor, reason, entityType, entityId,
                    subjectId, change));
        }
    }

    private void whole(Actor actor, String reason, String entityType, String entityId, Long subjectId,
                       AuditAction action, Map<String, String> state) {
        if (state.values().stream().allMatch(Objects::isNull)) {
            return;
        }
        AuditChainHead head = lockedHead();
        persist(head, AuditRecordContent.ofRecord(head.lastSeq() + 1, AuditHash.normalize(OffsetDateTime.now(clock)),
                actor, reason, entityType, entityId, subjectId, action, state));
    }

    private void persist(AuditChainHead head, AuditRecordContent content) {
        AuditRecord record = new AuditRecord(content, head.lastHash());
        em.persist(record);
        head.advance(record);
    }

    private AuditChainHead lockedHead() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("the audit chain head row is missing: the schema is not migrated");
        }
        return head;
    }

    /**
     * The chain's current end, with the head row locked until the transaction ends: no record can be appended in
     * between, so everything after this position happened after the caller's act.
     */
    public long lockedPosition() {
        return lockedHead().lastSeq();
    }

    /** A subject's records appended after a chain position, oldest first. */
    public List<AuditRecord> ofSubjectAfter(long subjectId, long afterSeq) {
        return em.createQuery("SELECT a FROM AuditRecord a WHERE a.subjectId = :s AND a.seq > :after ORDER BY a.seq",
                AuditRecord.class).setParameter("s", subjectId).setParameter("after", afterSeq).getResultList();
    }

    /** The newest records of one entity type (optionally one entity), newest first. */
    public List<AuditRecord> newestOf(String entityType, Optional<String> entityId, int limit) {
        String where = entityId.isPresent() ? " AND a.entityId = :id" : "";
        var query = em.createQuery("SELECT a FROM AuditRecord a WHERE a.entityType = :t" + where
                + " ORDER BY a.seq DESC", AuditRecord.class).setParameter("t", entityType).setMaxResults(limit);
        entityId.ifPresent(id -> query.setParameter("id", id));
        return query.getResultList();
    }

    /** The audit trail of one subject, oldest first. */
    public List<AuditRecord> ofSubject(long subjectId) {
        return em.createQuery("SELECT a FROM AuditRecord a WHERE a.subjectId = :s ORDER BY a.seq", AuditRecord.class)
                .setParameter("s", subjectId)
                .getResultList();
    }
}
