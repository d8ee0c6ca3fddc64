package org.stimtrial.imports;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.audit.Source;
import org.stimtrial.imports.ImportRecord.Outcome;
import org.stimtrial.query.DataQuery;
import org.stimtrial.query.QueryOrigin;
import org.stimtrial.query.QueryRaiser;
import org.stimtrial.shared.DomainException;
import org.stimtrial.subject.Subject;
import org.stimtrial.subject.Subjects;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.AnalyteResult;
import org.stimtrial.visit.CravingAssessment;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;
import org.stimtrial.visit.JpaVisitRepository;
import org.stimtrial.visit.SpecimenSource;
import org.stimtrial.visit.SpecimenValidity;
import org.stimtrial.visit.UrineDrugScreen;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.Visit;
import org.stimtrial.visit.VisitService;
import org.stimtrial.visit.VisitWindows;

/**
 * Applies one typed record through the same services (and edit checks) as data entry. The participant must exist and
 * belong to the site named in the record and, for a site's channel, to the sending site; a laboratory's specimen is
 * matched to a visit by its collection date. A form already present is never overwritten: the same values make a
 * duplicate, different ones a query.
 */
final class RecordApplier {
    private final EntityManager em;
    private final Clock clock;

    RecordApplier(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    Outcome apply(ImportBatch batch, ImportItem item, Actor actor) {
        String study = batch.study().protocolCode();
        try {
            Subject subject = Subjects.require(em, study, item.screeningNumber());
            if (item instanceof ImportItem.LabUrineScreen lab) {
                return labScreen(batch, subject, lab, actor);
            }
            ImportItem.AtVisit atVisit = (ImportItem.AtVisit) item;
            String site = subject.site().code();
            if (!site.equals(atVisit.site())) {
                return Outcome.quarantined("participant " + item.screeningNumber() + " is not a participant of site "
                        + atVisit.site());
            }
            if (batch.siteCode().isPresent() && !batch.siteCode().get().equals(atVisit.site())) {
                return Outcome.quarantined("site " + batch.siteCode().get() + " sent a record of site "
                        + atVisit.site());
            }
            Optional<Visit> visit = new JpaVisitRepository(em).visit(subject, atVisit.visit());
            if (visit.isEmpty()) {
                return Outcome.quarantined("visit " + atVisit.visit() + " is not in the schedule");
            }
            if (item instanceof ImportItem.UrineScreen u) {
                return urineScreen(batch, subject, visit.get(), u.entry(), false, actor);
            }
            return craving(batch, subject, visit.get(), (ImportItem.Craving) item, actor);
        } catch (DomainException e) {
            return Outcome.quarantined(e.getMessage());
        }
    }

    /** A laboratory's specimen: collected on a date in the site's time zone, matched to a visit by its window. */
    private Outcome labScreen(ImportBatch batch, Subject subject, ImportItem.LabUrineScreen lab, Actor actor) {
        ZoneId zone = subject.site().timeZone();
        OffsetDateTime collected = lab.collected().in(zone);
        LocalDate day = collected.atZoneSameInstant(zone).toLocalDate();
        VisitWindows.Match<Visit> match = new VisitWindows(em).visitOn(subject, day);
        if (match.visit().isEmpty()) {
            return Outcome.quarantined("specimen " + lab.specimenId() + " was collected on " + day + " (" + zone
                    + "): " + match.reason());
        }
        UrineScreenEntry entry = new UrineScreenEntry(lab.specimenId(), collected, SpecimenSource.CENTRAL_LAB,
                SpecimenValidity.VALID, lab.results());
        return urineScreen(batch, subject, match.visit().get(), entry, lab.correction(), actor);
    }

    /**
     * A specimen already recorded is never overwritten, with one exception: a laboratory's correction (OBX-11 C)
     * replaces results that came from an import and were not changed by hand since, with the change audited.
     */
    private Outcome urineScreen(ImportBatch batch, Subject subject, Visit visit, UrineScreenEntry entry,
                                boolean correction, Actor actor) {
        Optional<UrineDrugScreen> existing = new JpaVisitRepository(em).screen(visit, entry.specimenId());
        String study = batch.study().protocolCode();
        String number = subject.screeningNumber().value();
        String visitCode = visit.definition().code();
        if (existing.isPresent()) {
            if (sameScreen(existing.get(), entry)) {
                return Outcome.duplicate("specimen " + entry.specimenId() + " is already recorded with these"
                        + " results");
            }
            if (correction && lastChangedByImport(existing.get())) {
                new UrineScreenService(em, clock).changeScreen(study, number, visitCode, entry.specimenId(), entry,
                        existing.get().version(), "corrected result from the laboratory (OBX-11 C), import batch "
                                + batch.id(), actor);
                return Outcome.accepted("replaced the laboratory's earlier results for specimen "
                        + entry.specimenId() + " (corrected result)");
            }
            return conflict(batch, subject, "visit:" + visitCode + "/urine-screens/" + entry.specimenId(),
                    "specimen " + entry.specimenId(), actor);
        }
        new UrineScreenService(em, clock).addScreen(study, number, visitCode, entry, actor);
        return Outcome.accepted();
    }

    private boolean lastChangedByImport(UrineDrugScreen screen) {
        return new AuditTrail(em, clock).newestOf(screen.auditType(), Optional.of(screen.auditId()), 1).stream()
                .findFirst().map(r -> r.source().equals(Source.IMPORT.name())).orElse(false);
    }

    private Outcome craving(ImportBatch batch, Subject subject, Visit visit, ImportItem.Craving c, Actor actor) {
        Optional<CravingAssessment> existing = new JpaVisitRepository(em).craving(visit, c.entry().instrument());
        if (existing.isPresent()) {
            if (sameCraving(existing.get(), c)) {
                return Outcome.duplicate(c.entry().instrument() + " at visit " + visit.definition().code()
                        + " is already recorded with these answers");
            }
            return conflict(batch, subject, "visit:" + visit.definition().code() + "/cravings/"
                    + c.entry().instrument(), c.entry().instrument() + " at visit " + visit.definition().code(), actor);
        }
        new VisitService(em, clock).addCraving(batch.study().protocolCode(), subject.screeningNumber().value(),
                visit.definition().code(), c.entry(), actor);
        return Outcome.accepted();
    }

    private Outcome conflict(ImportBatch batch, Subject subject, String itemRef, String what, Actor actor) {
        String text = "Import batch " + batch.id() + " (" + batch.fileName() + ") has different values for " + what
                + " than those entered; the entered values were kept. Please check the source.";
        DataQuery query = new QueryRaiser(em, clock).raise(subject, itemRef, text, QueryOrigin.IMPORT, actor);
        em.flush();
        return Outcome.conflict(what + " differs from the entered values; query " + query.id() + " raised",
                query.id());
    }

    private static boolean sameScreen(UrineDrugScreen s, UrineScreenEntry entry) {
        if (!s.collectedAt().toInstant().equals(entry.collectedAt().toInstant())
                || s.source() != entry.source() || s.validity() != entry.validity()
                || s.results().size() != entry.results().size()) {
            return false;
        }
        Map<String, AnalyteResult> stored = new HashMap<>();
        s.results().forEach(r -> stored.put(r.analyte().loinc(), r));
        for (AnalyteEntry e : entry.results()) {
            AnalyteResult r = stored.get(e.analyte().loinc());
            if (r == null || r.result() != e.result() || !sameNumber(r.cutoffNgMl(), e.cutoffNgMl())
                    || !sameNumber(r.concentrationNgMl(), e.concentrationNgMl())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameCraving(CravingAssessment a, ImportItem.Craving c) {
        if (!a.assessedOn().equals(c.entry().assessedOn())
                || a.responses().size() != c.entry().responses().size()) {
            return false;
        }
        return c.entry().responses().entrySet().stream().allMatch(e -> a.responses().containsKey(e.getKey())
                && a.responses().get(e.getKey()).compareTo(e.getValue()) == 0);
    }

    private static boolean sameNumber(Optional<BigDecimal> a, Optional<BigDecimal> b) {
        return a.isPresent() == b.isPresent() && (a.isEmpty() || a.get().compareTo(b.get()) == 0);
    }
}
