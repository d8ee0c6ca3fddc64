package org.stimtrial.imports;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.audit.Actor;
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
import org.stimtrial.visit.JpaVisitRepository;
import org.stimtrial.visit.UrineDrugScreen;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.Visit;
import org.stimtrial.visit.VisitService;

/**
 * Applies one typed record through the same services (and edit checks) as data entry. The participant must exist and
 * belong to the site named in the record and, for a site's channel, to the sending site. A form already present is
 * never overwritten: the same values make a duplicate, different ones a query.
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
            String site = subject.site().code();
            if (!site.equals(item.site())) {
                return Outcome.quarantined("participant " + item.screeningNumber() + " is not a participant of site "
                        + item.site());
            }
            if (batch.siteCode().isPresent() && !batch.siteCode().get().equals(item.site())) {
                return Outcome.quarantined("site " + batch.siteCode().get() + " sent a record of site "
                        + item.site());
            }
            JpaVisitRepository visits = new JpaVisitRepository(em);
            Optional<Visit> visit = visits.visit(subject, item.visit());
            if (visit.isEmpty()) {
                return Outcome.quarantined("visit " + item.visit() + " is not in the schedule");
            }
            if (item instanceof ImportItem.UrineScreen u) {
                return urineScreen(batch, subject, visit.get(), u, actor);
            }
            return craving(batch, subject, visit.get(), (ImportItem.Craving) item, actor);
        } catch (DomainException e) {
            return Outcome.quarantined(e.getMessage());
        }
    }

    private Outcome urineScreen(ImportBatch batch, Subject subject, Visit visit, ImportItem.UrineScreen u,
                                Actor actor) {
        Optional<UrineDrugScreen> existing = new JpaVisitRepository(em).screen(visit, u.entry().specimenId());
        if (existing.isPresent()) {
            if (sameScreen(existing.get(), u)) {
                return Outcome.duplicate("specimen " + u.entry().specimenId() + " is already recorded with these"
                        + " results");
            }
            return conflict(batch, subject, "visit:" + visit.definition().code() + "/urine-screens/"
                    + u.entry().specimenId(), "specimen " + u.entry().specimenId(), actor);
        }
        new UrineScreenService(em, clock).addScreen(batch.study().protocolCode(), subject.screeningNumber().value(),
                visit.definition().code(), u.entry(), actor);
        return Outcome.accepted();
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

    private static boolean sameScreen(UrineDrugScreen s, ImportItem.UrineScreen u) {
        if (!s.collectedAt().toInstant().equals(u.entry().collectedAt().toInstant())
                || s.source() != u.entry().source() || s.validity() != u.entry().validity()
                || s.results().size() != u.entry().results().size()) {
            return false;
        }
        Map<String, AnalyteResult> stored = new HashMap<>();
        s.results().forEach(r -> stored.put(r.analyte().loinc(), r));
        for (AnalyteEntry e : u.entry().results()) {
            AnalyteResult r = stored.get(e.analyte().loinc());
            if (r == null || r.result() != e.result() || !sameNumber(r.cutoffNgMl(), e.cutoffNgMl())) {
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
