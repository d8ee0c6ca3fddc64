package org.stimtrial.imports;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Study;
import org.stimtrial.study.VisitDefinition;
import org.stimtrial.subject.ScreeningNumber;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;
import org.stimtrial.visit.ScheduledVisit;
import org.stimtrial.visit.SpecimenSource;
import org.stimtrial.visit.SpecimenValidity;
import org.stimtrial.visit.UrineScreenRules;
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
    private static final String PARTICIPANTS = "SELECT s.id, s.screening_number, st.code, st.time_zone, v.id,"
            + " v.visit_definition_id, v.status, v.visit_date, u.specimen_id FROM subject s"
            + " JOIN site st ON st.id = s.site_id JOIN visit v ON v.subject_id = s.id"
            + " LEFT JOIN urine_drug_screen u ON u.visit_id = v.id"
            + " WHERE s.study_id = ? AND s.screening_number = ANY (?)";

    private final Connection connection;
    private final Study study;
    private final Map<Long, VisitDefinition> schedule = new HashMap<>();
    private final Map<String, Participant> participants = new HashMap<>();

    NewSpecimens(EntityManager em, Study study, Collection<ParsedRecord> records) {
        this.connection = em.unwrap(Connection.class);
        this.study = study;
        Set<String> numbers = new HashSet<>();
        for (ParsedRecord r : records) {
            r.item().map(ImportItem::screeningNumber).filter(ScreeningNumber::isValid).ifPresent(numbers::add);
        }
        if (numbers.isEmpty()) {
            return;
        }
        new JpaStudyRepository(em).schedule(study).forEach(d -> schedule.put(d.id(), d));
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
        Optional<HeldVisit> visit;
        UrineScreenEntry entry;
        if (item instanceof ImportItem.UrineScreen u) {
            if (!p.siteCode.equals(u.site()) || batchSite.filter(s -> !s.equals(u.site())).isPresent()) {
                return Optional.empty();
            }
            visit = p.schedule.stream().filter(v -> v.definition().code().equals(u.visit())).findFirst();
            entry = u.entry();
        } else if (item instanceof ImportItem.LabUrineScreen lab && !lab.correction()) {
            OffsetDateTime collected = lab.collected().in(p.zone);
            LocalDate day = collected.atZoneSameInstant(p.zone).toLocalDate();
            visit = VisitWindows.match(p.schedule, p.number, day).visit();
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
        return Optional.of(new NewSpecimen(p.subjectId, p.number, visit.get(), entry));
    }

    /** Counts a specimen as recorded, for the records after it. */
    void added(NewSpecimen specimen) {
        participants.get(specimen.participant().value()).specimens
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
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM subject WHERE study_id = ?"
                + " AND screening_number = ANY (?) ORDER BY id FOR UPDATE")) {
            ps.setLong(1, study.id());
            ps.setArray(2, connection.createArrayOf("VARCHAR", numbers.toArray()));
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new PersistenceException("the participants could not be locked: " + e.getMessage(), e);
        }
    }

    /** Reads the participants with their site, their visits and the specimens recorded at each visit. */
    private void load(Set<String> numbers) {
        try (PreparedStatement ps = connection.prepareStatement(PARTICIPANTS)) {
            ps.setLong(1, study.id());
            ps.setArray(2, connection.createArrayOf("VARCHAR", numbers.toArray()));
            Map<Long, HeldVisit> visits = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String number = rs.getString(2);
                    Participant p = participants.get(number);
                    if (p == null) {
                        p = new Participant(rs.getLong(1), new ScreeningNumber(number), rs.getString(3),
                                ZoneId.of(rs.getString(4)));
                        participants.put(number, p);
                    }
                    long visitId = rs.getLong(5);
                    if (!visits.containsKey(visitId)) {
                        HeldVisit visit = new HeldVisit(visitId, schedule.get(rs.getLong(6)),
                                VisitStatus.valueOf(rs.getString(7)),
                                Optional.ofNullable(rs.getObject(8, LocalDate.class)));
                        visits.put(visitId, visit);
                        p.schedule.add(visit);
                    }
                    String specimen = rs.getString(9);
                    if (specimen != null) {
                        p.specimens.computeIfAbsent(visitId, v -> new HashSet<>()).add(specimen);
                    }
                }
            }
            participants.values().forEach(p -> p.schedule.sort(Comparator.comparingInt(v -> v.definition()
                    .ordinal())));
        } catch (SQLException e) {
            throw new PersistenceException("the participants could not be read: " + e.getMessage(), e);
        }
    }

    /** One of a participant's visits as the checks see it. */
    record HeldVisit(long id, VisitDefinition definition, VisitStatus status, Optional<LocalDate> visitDate)
            implements ScheduledVisit {
    }

    /** A specimen to add: whose ({@code subjectId} and screening number), at which visit, what. */
    record NewSpecimen(long subjectId, ScreeningNumber participant, HeldVisit visit, UrineScreenEntry entry) {
    }

    private static final class Participant {
        private final long subjectId;
        private final ScreeningNumber number;
        private final String siteCode;
        private final ZoneId zone;
        private final List<HeldVisit> schedule = new ArrayList<>();
        private final Map<Long, Set<String>> specimens = new HashMap<>();

        private Participant(long subjectId, ScreeningNumber number, String siteCode, ZoneId zone) {
            this.subjectId = subjectId;
            this.number = number;
            this.siteCode = siteCode;
            this.zone = zone;
        }
    }
}
