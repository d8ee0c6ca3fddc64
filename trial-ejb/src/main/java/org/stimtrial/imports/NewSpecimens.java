package org.stimtrial.imports;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stimtrial.study.Study;
import org.stimtrial.subject.ScreeningNumber;
import org.stimtrial.subject.Subject;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;
import org.stimtrial.visit.SpecimenSource;
import org.stimtrial.visit.SpecimenValidity;
import org.stimtrial.visit.UrineScreenRules;
import org.stimtrial.visit.Visit;
import org.stimtrial.visit.VisitStatus;
import org.stimtrial.visit.VisitWindows;

/**
 * Finds, for the bulk import path, the records of a batch that simply add a new specimen: the participant of the
 * study and site, the visit held (for a laboratory's specimen, found by its window as {@link VisitWindows} does),
 * the specimen not yet recorded, room for it at the visit, and the edit checks of data entry passed. The participants,
 * their visits and their specimens are read for the whole batch at once, instead of six look-ups per record.
 * Anything else (an unknown participant, a specimen already recorded, a failed check) is left to
 * {@link RecordApplier}, which says why, finds the duplicate or raises the query; afterwards that participant is read
 * again, since the record may have changed what is recorded.
 *
 * <p>The participants' rows are locked before anything of theirs is read, in the order of their ids (so that two
 * imports cannot each wait for the other), and stay locked to the end of the transaction: another import
 * of the same participants waits and then reads what this one added, so no two imports check a visit's specimens
 * against a state the other is changing, while imports of other participants run beside this one.
 */
final class NewSpecimens {
    private static final int CHUNK = 500;
    /**
     * EclipseLink's hint for objects read only to be looked at: they are not registered in the transaction, so no
     * flush or commit compares them with their original state.
     */
    private static final String READ_ONLY = "eclipselink.read-only";

    private final EntityManager em;
    private final Study study;
    private final Map<String, Participant> participants = new HashMap<>();

    NewSpecimens(EntityManager em, Study study, Collection<ParsedRecord> records) {
        this.em = em;
        this.study = study;
        Set<String> numbers = new HashSet<>();
        for (ParsedRecord r : records) {
            r.item().map(ImportItem::screeningNumber).filter(ScreeningNumber::isValid).ifPresent(numbers::add);
        }
        lock(numbers);
        load(numbers);
    }

    /**
     * The specimen a record adds, when it only adds a new specimen and passes every check; empty otherwise.
     * {@code batchSite} is the site that sent the record's batch, if a site did.
     */
    Optional<NewSpecimen> of(ImportItem item, Optional<String> batchSite, OffsetDateTime now) {
        Participant p = participants.get(item.screeningNumber());
        if (p == null) {
            return Optional.empty();
        }
        Optional<Visit> visit;
        UrineScreenEntry entry;
        if (item instanceof ImportItem.UrineScreen u) {
            String site = p.subject.site().code();
            if (!site.equals(u.site()) || batchSite.filter(s -> !s.equals(u.site())).isPresent()) {
                return Optional.empty();
            }
            visit = p.schedule.stream().filter(v -> v.definition().code().equals(u.visit())).findFirst();
            entry = u.entry();
        } else if (item instanceof ImportItem.LabUrineScreen lab && !lab.correction()) {
            ZoneId zone = p.subject.site().timeZone();
            OffsetDateTime collected = lab.collected().in(zone);
            LocalDate day = collected.atZoneSameInstant(zone).toLocalDate();
            visit = VisitWindows.match(p.schedule, p.subject, day).visit();
            entry = new UrineScreenEntry(lab.specimenId(), collected, SpecimenSource.CENTRAL_LAB,
                    SpecimenValidity.VALID, lab.results());
        } else {
            return Optional.empty();
        }
        if (visit.isEmpty() || visit.get().status() != VisitStatus.DONE
                || !UrineScreenRules.problems(entry, true, now).isEmpty()) {
            return Optional.empty();
        }
        Set<String> taken = p.specimens.getOrDefault(visit.get().id(), Set.of());
        if (taken.contains(entry.specimenId()) || taken.size() >= visit.get().definition().urineScreens()) {
            return Optional.empty();
        }
        return Optional.of(new NewSpecimen(p.subject, visit.get(), entry));
    }

    /** Counts a specimen as recorded, for the records after it. */
    void added(NewSpecimen specimen) {
        participants.get(specimen.subject().screeningNumber().value()).specimens
                .computeIfAbsent(specimen.visit().id(), v -> new HashSet<>()).add(specimen.entry().specimenId());
    }

    /** Reads a participant again, after a record went the full way and may have changed what is recorded. */
    void reload(String screeningNumber) {
        if (participants.remove(screeningNumber) != null) {
            load(Set.of(screeningNumber));
        }
    }

    /**
     * Locks the participants' rows in one statement, in the order of their ids: the same order in every transaction
     * whatever the participants and the database's collation, so that two imports cannot each wait for the other.
     */
    private void lock(Set<String> numbers) {
        if (numbers.isEmpty()) {
            return;
        }
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM subject WHERE study_id = ?"
                + " AND screening_number = ANY (?) ORDER BY id FOR UPDATE")) {
            ps.setLong(1, study.id());
            ps.setArray(2, connection.createArrayOf("VARCHAR", numbers.toArray()));
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new PersistenceException("the participants could not be locked: " + e.getMessage(), e);
        }
    }

    private void load(Set<String> numbers) {
        List<String> all = new ArrayList<>(numbers);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Visit> visits = em.createQuery("SELECT v FROM Visit v JOIN FETCH v.subject JOIN FETCH v.definition"
                    + " WHERE v.subject.study = :st AND v.subject.screeningNumber.value IN :n"
                    + " ORDER BY v.definition.ordinal", Visit.class).setParameter("st", study).setParameter("n", chunk)
                    .setHint(READ_ONLY, "true").getResultList();
            if (visits.isEmpty()) {
                continue;
            }
            Map<Long, Participant> byId = new HashMap<>();
            for (Visit v : visits) {
                byId.computeIfAbsent(v.subject().id(), id -> {
                    Participant p = new Participant(v.subject());
                    participants.put(v.subject().screeningNumber().value(), p);
                    return p;
                }).schedule.add(v);
            }
            List<Subject> subjects = byId.values().stream().map(p -> p.subject).toList();
            em.createQuery("SELECT u.visit.subject.id, u.visit.id, u.specimenId FROM UrineDrugScreen u"
                    + " WHERE u.visit.subject IN :s", Object[].class).setParameter("s", subjects).getResultStream()
                    .forEach(row -> byId.get((Long) row[0]).specimens.computeIfAbsent((Long) row[1],
                            v -> new HashSet<>()).add((String) row[2]));
        }
    }

    /** A specimen to add: who, at which visit, what. */
    record NewSpecimen(Subject subject, Visit visit, UrineScreenEntry entry) {
    }

    private static final class Participant {
        private final Subject subject;
        private final List<Visit> schedule = new ArrayList<>();
        private final Map<Long, Set<String>> specimens = new HashMap<>();

        private Participant(Subject subject) {
            this.subject = subject;
        }
    }
}
