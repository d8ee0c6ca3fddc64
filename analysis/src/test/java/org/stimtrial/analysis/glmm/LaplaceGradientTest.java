package org.stimtrial.analysis.glmm;

import static org.stimtrial.analysis.Reference.near;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stimtrial.analysis.TrialData;
import org.stimtrial.analysis.inference.NumericalDerivatives;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;
import org.stimtrial.analysis.model.Variable;

/** The analytic gradient of the Laplace deviance agrees with Richardson-extrapolated finite differences. */
class LaplaceGradientTest {
    @Test
    void analyticGradientMatchesFiniteDifferences() {
        ModelFrame frame = ModelFrame.of(TrialData.weeks1to12(),
                Formula.parse("uds_negative ~ arm*week + (1 | subject_id)"), TrialData.LEVELS);
        Variable.Factor g = frame.factor("subject_id");
        List<List<Integer>> rows = new ArrayList<>();
        for (int i = 0; i < g.levels().size(); i++) {
            rows.add(new ArrayList<>());
        }
        for (int r = 0; r < g.codes().length; r++) {
            rows.get(g.codes()[r]).add(r);
        }
        int[][] rowsOf = rows.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        BinomialDeviance d = new BinomialDeviance(frame.fixedDesign(), frame.response(), rowsOf, 1);
        Random rng = new Random(7);
        for (int trial = 0; trial < 3; trial++) {
            double[] par = new double[11];
            par[0] = 0.5 + 2 * rng.nextDouble();
            for (int j = 1; j < par.length; j++) {
                par[j] = 0.3 * rng.nextGaussian();
            }
            double[] analytic = d.laplaceGradient(par);
            double[] numeric = NumericalDerivatives.gradient(d::value, par);
            for (int j = 0; j < par.length; j++) {
                near("d deviance / d par[" + j + "] at trial " + trial, numeric[j], analytic[j],
                        1e-5 * (1 + Math.abs(numeric[j])));
            }
        }
    }
}
