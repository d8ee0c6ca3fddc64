package org.stimtrial.analysis.report;

import java.util.ArrayList;
import java.util.List;
import org.stimtrial.analysis.interim.InterimResults;
import org.stimtrial.analysis.interim.InterimResults.EstimateRow;
import org.stimtrial.analysis.interim.InterimResults.ModelSummary;
import org.stimtrial.analysis.sequential.Boundary;
import org.stimtrial.analysis.sequential.BoundaryTable;

/** The model results of a run as report tables (the DSMB report's Models, TES and Boundaries sheets). */
public final class ResultTables {
    private final InterimResults results;

    public ResultTables(InterimResults results) {
        this.results = results;
    }

    public Table summaries() {
        List<List<Object>> rows = new ArrayList<>();
        for (ModelSummary m : results.models()) {
            rows.add(List.of(m.title(), m.role(), m.formula(), m.method(), m.status(), m.observations(),
                    m.subjects(), m.logLik(), m.messages()));
        }
        return new Table("Models (engine " + results.engineVersion() + ")", List.of(Table.text("Model"),
                Table.text("Role"), Table.text("Formula"), Table.text("Method"), Table.text("Status"),
                Table.integer("Observations"), Table.integer("Participants"), Table.decimal("logLik"),
                Table.text("Messages")), rows);
    }

    /** Each active arm against placebo at the last treatment week; logistic models also as odds ratios. */
    public Table contrasts() {
        List<List<Object>> rows = new ArrayList<>();
        for (ModelSummary m : results.models()) {
            boolean logit = m.scale().equals("log odds");
            for (EstimateRow e : results.estimates(m.key(), "contrast")) {
                rows.add(List.of(m.title(), e.label(), e.estimate(), e.se(), e.df(), e.lower(), e.upper(), e.p(),
                        e.pAdjusted(), logit ? Math.exp(e.estimate()) : Double.NaN,
                        logit ? Math.exp(e.lower()) : Double.NaN, logit ? Math.exp(e.upper()) : Double.NaN));
            }
        }
        return new Table("Active arms against placebo at week 12 (95% CI; p adjusted by Dunnett)", List.of(
                Table.text("Model"), Table.text("Contrast"), Table.decimal("Estimate"), Table.decimal("SE"),
                Table.decimal("df"), Table.decimal("Lower 95%"), Table.decimal("Upper 95%"), Table.pValue("p"),
                Table.pValue("p (Dunnett)"), Table.decimal("Odds ratio"), Table.decimal("OR lower 95%"),
                Table.decimal("OR upper 95%")), rows);
    }

    public Table means() {
        return estimates("mean", "Estimated marginal means by arm at week 12 (log odds for logistic models)");
    }

    public Table fixedEffects() {
        return estimates("fixed", "Fixed effects");
    }

    private Table estimates(String section, String title) {
        List<List<Object>> rows = new ArrayList<>();
        for (ModelSummary m : results.models()) {
            for (EstimateRow e : results.estimates(m.key(), section)) {
                rows.add(List.of(m.title(), e.label(), e.estimate(), e.se(), e.df(), e.statistic(), e.p(),
                        e.lower(), e.upper()));
            }
        }
        return new Table(title, List.of(Table.text("Model"), Table.text("Term"), Table.decimal("Estimate"),
                Table.decimal("SE"), Table.decimal("df"), Table.decimal("Statistic"), Table.pValue("p"),
                Table.decimal("Lower 95%"), Table.decimal("Upper 95%")), rows);
    }

    public Table tes() {
        List<List<Object>> rows = new ArrayList<>();
        results.tes().forEach(t -> rows.add(List.of(t.arm(), t.n(), t.mean(), t.sd(), t.median(),
                t.eotAbstinent())));
        return new Table("Treatment effectiveness score (negative weeks, missing = positive)", List.of(
                Table.text("Arm"), Table.integer("n"), Table.decimal("Mean"), Table.decimal("SD"),
                Table.decimal("Median"), Table.percent("Abstinent last two weeks")), rows);
    }

    public Table tesComparisons() {
        List<List<Object>> rows = new ArrayList<>();
        results.tesComparisons().forEach(c -> rows.add(List.of(c.label(), c.w(), c.p(), c.pHolm())));
        return new Table("TES: Wilcoxon rank-sum against placebo", List.of(Table.text("Comparison"),
                Table.decimal("W"), Table.pValue("p"), Table.pValue("p (Holm)")), rows);
    }

    public static Table boundaries(BoundaryTable b) {
        List<List<Object>> rows = new ArrayList<>();
        for (Boundary look : b.looks()) {
            rows.add(List.of(look.look(), look.informationFraction(), look.cumulativeAlpha(), look.alphaAtLook(),
                    look.z(), look.nominalP()));
        }
        return new Table("Group-sequential boundaries: " + b.spending() + ", alpha " + b.alpha() + ", "
                + (b.sides() == 2 ? "two-sided" : "one-sided"), List.of(Table.integer("Look"),
                Table.decimal("Information fraction"), Table.pValue("Cumulative alpha"), Table.pValue("Alpha at look"),
                Table.decimal("Boundary z"), Table.pValue("Nominal p")), rows);
    }
}
