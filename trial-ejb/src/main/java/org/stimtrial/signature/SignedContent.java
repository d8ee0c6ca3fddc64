package org.stimtrial.signature;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.stimtrial.audit.Auditable;
import org.stimtrial.shared.Sha256;
import org.stimtrial.subject.Subject;
import org.stimtrial.visit.JpaVisitRepository;
import org.stimtrial.visit.Visit;

/**
 * The records a signature covers, as they are now: a visit's own record and its forms (craving assessments, urine
 * screens, adherence), or for a casebook the participant's record, every visit with its forms and the adverse
 * events. Their audited fields, in a canonical order, give the content hash.
 */
final class SignedContent {
    private final List<Auditable> records;

    private SignedContent(List<Auditable> records) {
        List<Auditable> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(Auditable::auditType).thenComparing(Auditable::auditId));
        this.records = List.copyOf(sorted);
    }

    static SignedContent of(EntityManager em, Subject subject, Optional<Visit> visit) {
        JpaVisitRepository visits = new JpaVisitRepository(em);
        List<Auditable> records = new ArrayList<>();
        if (visit.isPresent()) {
            addVisit(visits, visit.get(), records);
        } else {
            records.add(subject);
            visits.visits(subject).forEach(v -> addVisit(visits, v, records));
            records.addAll(visits.adverseEvents(subject));
        }
        return new SignedContent(records);
    }

    private static void addVisit(JpaVisitRepository visits, Visit visit, List<Auditable> records) {
        records.add(visit);
        records.addAll(visits.cravings(visit));
        records.addAll(visits.screens(visit));
        visits.adherence(visit).ifPresent(records::add);
    }

    /** The covered records as {@code type/id} keys, to match against audit records. */
    Set<String> keys() {
        return records.stream().map(r -> key(r.auditType(), r.auditId())).collect(Collectors.toSet());
    }

    static String key(String type, String id) {
        return type + "/" + id;
    }

    /** SHA-256 over every record's type, id and audited fields, one line each, in a canonical order. */
    String hash() {
        StringBuilder text = new StringBuilder();
        for (Auditable r : records) {
            text.append(r.auditType()).append('/').append(r.auditId());
            for (Map.Entry<String, String> field : r.auditState().entrySet()) {
                text.append('|').append(field.getKey()).append('=').append(escape(field.getValue()));
            }
            text.append('\n');
        }
        return Sha256.hex(text.toString());
    }

    private static String escape(String value) {
        return value == null ? "\\0" : value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n");
    }
}
