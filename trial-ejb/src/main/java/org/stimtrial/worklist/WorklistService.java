package org.stimtrial.worklist;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.query.QueryStatus;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Studies;
import org.stimtrial.study.Study;
import org.stimtrial.subject.Subject;
import org.stimtrial.subject.SubjectStatus;
import org.stimtrial.user.SiteScope;
import org.stimtrial.visit.Visit;
import org.stimtrial.visit.VisitService;
import org.stimtrial.visit.VisitStatus;

/** Builds the worklist of the participants a user may see. */
@Stateless
public class WorklistService {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;

    public WorklistService() {
    }

    public WorklistService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The participants of {@code protocolCode} within {@code scope}, in screening-number order. */
    public List<WorklistRow> rows(String protocolCode, SiteScope scope) {
        Study study = Studies.require(new JpaStudyRepository(em), protocolCode);
        LocalDate today = LocalDate.now(clock);
        List<Subject> subjects = em.createQuery("SELECT s FROM Subject s JOIN FETCH s.site WHERE s.study = :st",
                Subject.class).setParameter("st", study).getResultList().stream()
                .filter(s -> scope.allows(protocolCode, s.site().code())).toList();
        Map<Long, List<Visit>> visits = new HashMap<>();
        for (Visit v : em.createQuery("SELECT v FROM Visit v JOIN FETCH v.definition WHERE v.subject.study = :st",
                Visit.class).setParameter("st", study).getResultList()) {
            visits.computeIfAbsent(v.subject().id(), k -> new ArrayList<>()).add(v);
        }
        Map<Long, Long> open = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT q.subject.id, COUNT(q) FROM DataQuery q WHERE q.subject.study = :st"
                + " AND q.status = :open GROUP BY q.subject.id", Object[].class).setParameter("st", study)
                .setParameter("open", QueryStatus.OPEN).getResultList()) {
            open.put((Long) r[0], (Long) r[1]);
        }
        List<WorklistRow> rows = new ArrayList<>();
        for (Subject s : subjects) {
            List<Visit> own = new ArrayList<>(visits.getOrDefault(s.id(), List.of()));
            own.sort(Comparator.comparingInt(v -> v.definition().ordinal()));
            rows.add(row(s, own, open.getOrDefault(s.id(), 0L).intValue(), today));
        }
        rows.sort(Comparator.comparing(WorklistRow::screeningNumber));
        return rows;
    }

    static WorklistRow row(Subject s, List<Visit> visits, int openQueries, LocalDate today) {
        Optional<LocalDate> baseline = VisitService.baseline(visits);
        Optional<Visit> next = s.status().isFinal() ? Optional.empty()
                : visits.stream().filter(v -> v.status() == VisitStatus.SCHEDULED).findFirst();
        int overdue = s.status().isFinal() ? 0 : (int) visits.stream()
                .filter(v -> v.status() == VisitStatus.SCHEDULED)
                .filter(v -> baseline.map(b -> v.definition().targetDate(b).plusDays(v.definition().windowAfter())
                        .isBefore(today)).orElse(false))
                .count();
        boolean randomized = s.status() == SubjectStatus.RANDOMIZED || s.status() == SubjectStatus.COMPLETED
                || s.status() == SubjectStatus.WITHDRAWN || s.status() == SubjectStatus.LOST_TO_FOLLOW_UP;
        Optional<LocalDate> randomizedOn = randomized ? baseline.or(() -> Optional.of(s.statusDate()))
                : Optional.empty();
        return new WorklistRow(s.screeningNumber().value(), s.site().code(), s.status().name(), s.statusDate(),
                randomizedOn,
                next.map(v -> v.definition().code()),
                next.flatMap(v -> baseline.map(b -> v.definition().targetDate(b))), overdue, openQueries);
    }
}
