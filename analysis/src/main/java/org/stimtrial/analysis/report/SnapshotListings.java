package org.stimtrial.analysis.report;

import java.util.ArrayList;
import java.util.List;
import org.stimtrial.analysis.snapshot.TrialSnapshot;

/**
 * The listings of a snapshot: participants, visits, urine screens, craving scores, adverse events and queries. The
 * arm column appears only when the snapshot is unblinded.
 */
public final class SnapshotListings {
    private SnapshotListings() {
    }

    public static List<Listing> of(TrialSnapshot s) {
        boolean arms = s.unblinded();
        List<Listing> out = new ArrayList<>();
        List<Table.Column> subject = new ArrayList<>(List.of(Table.text("Participant"), Table.text("Site")));
        if (arms) {
            subject.add(Table.text("Arm"));
        }
        subject.addAll(List.of(Table.text("Sex"), Table.integer("Year of birth"), Table.date("Consent"),
                Table.text("Status"), Table.date("Status date"), Table.date("Randomized")));
        out.add(new Listing("Participants", subject, () -> s.subjects().stream().map(r -> {
            List<Object> row = new ArrayList<>(List.of(r.subject(), r.site()));
            if (arms) {
                row.add(r.arm().orElse(""));
            }
            row.addAll(List.of(r.sex(), r.yearOfBirth(), r.consentDate(), r.status(), r.statusDate(),
                    r.randomizedOn().<Object>map(d -> d).orElse("")));
            return row;
        })));
        out.add(new Listing("Visits", List.of(Table.text("Participant"), Table.text("Visit"), Table.text("Status"),
                Table.date("Date")), () -> s.visits().stream().map(v -> List.of(v.subject(), v.visit(), v.status(),
                v.date().<Object>map(d -> d).orElse("")))));
        out.add(new Listing("Urine screens", List.of(Table.text("Participant"), Table.text("Visit"),
                Table.text("Specimen"), Table.date("Collected"), Table.text("Negative")),
                () -> s.screens().stream().map(u -> List.of(u.subject(), u.visit(), u.specimen(), u.collectedOn(),
                        u.negative()))));
        out.add(new Listing("Craving", List.of(Table.text("Participant"), Table.text("Visit"),
                Table.text("Instrument"), Table.text("Scale"), Table.date("Assessed"), Table.decimal("Score")),
                () -> s.cravings().stream().map(c -> List.of(c.subject(), c.visit(), c.instrument(), c.scale(),
                        c.assessedOn(), c.score()))));
        out.add(new Listing("Adverse events", List.of(Table.text("Participant"), Table.text("Term"),
                Table.date("Onset"), Table.date("End"), Table.integer("Grade"), Table.text("Serious"),
                Table.text("Relatedness"), Table.text("Outcome")), () -> s.adverseEvents().stream().map(a -> List.of(
                a.subject(), a.term(), a.onset(), a.end().<Object>map(d -> d).orElse(""), a.severity(), a.serious(),
                a.relatedness(), a.outcome()))));
        out.add(new Listing("Queries", List.of(Table.text("Participant"), Table.text("Item"), Table.text("Origin"),
                Table.text("Status"), Table.date("Raised")), () -> s.queries().stream().map(q -> List.of(q.subject(),
                q.item(), q.origin(), q.status(), q.raisedOn()))));
        return out;
    }
}
