package org.stimtrial.analysis;

import java.util.List;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.model.FactorLevels;

/** The simulated five-arm trial as R's reference script prepared it: weeks 1-12, arm levels with placebo first. */
public final class TrialData {
    public static final List<String> ARMS = List.of("placebo", "bupropion", "modafinil", "nac", "baclofen");
    public static final FactorLevels LEVELS = FactorLevels.defaults().withLevels("arm", ARMS)
            .withLevels("site", List.of("site1", "site2", "site3", "site4", "site5"));

    private TrialData() {
    }

    public static DataTable weeks1to12() {
        DataTable all = Reference.data("trial_small.csv");
        double[] week = all.numeric("week").values();
        return all.filter(r -> week[r] >= 1 && week[r] <= 12);
    }
}
