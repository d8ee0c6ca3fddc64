package org.stimtrial.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stimtrial.analysis.Reference.doubles;
import static org.stimtrial.analysis.Reference.near;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.Reference;

/**
 * The multivariate-t integral against R's {@code p_dunnett_precise} (mvtnorm::pmvt, abseps 1e-7, integer df) computed
 * from R's own contrasts, so that only the integration is under test; the whole chain (fit, emmeans, adjustment)
 * is checked against the same column in the LMM tests.
 */
class DunnettTest {

    @ParameterizedTest
    @ValueSource(strings = {"week12_satterthwaite", "week12_kenward_roger"})
    void matchesMvtnormOnRsContrasts(String block) {
        JsonObject ref = Reference.json("ref_trial_small.json").getJsonObject("lmm").getJsonObject(block);
        JsonObject con = ref.getJsonObject("contrasts_vs_placebo");
        double[] est = doubles(con.getJsonArray("estimate"));
        double[] se = doubles(con.getJsonArray("se"));
        double[] df = doubles(con.getJsonArray("df"));
        double[] expected = doubles(con.getJsonArray("p_dunnett_precise"));
        JsonArray rows = ref.getJsonObject("vcov_contrasts").getJsonArray("values");
        int k = est.length;
        double[] cov = new double[k * k];
        for (int i = 0; i < k; i++) {
            double[] row = doubles(rows.getJsonArray(i));
            System.arraycopy(row, 0, cov, i * k, k);
        }
        List<Contrast> family = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            family.add(new Contrast("c" + i, est[i], se[i], df[i], est[i] / se[i], Double.NaN, Double.NaN,
                    Double.NaN));
        }
        Dunnett.Result r = Dunnett.adjust(family, cov);
        for (int i = 0; i < k; i++) {
            near(block + " Dunnett p " + i, expected[i], r.adjusted()[i], 1e-6);
        }
        assertTrue(r.errorEstimate() < 1e-7, "inner-rule difference " + r.errorEstimate());
    }

    @Test
    void oneContrastIsTheTwoSidedTTestAndIndependentNormalsMultiply() {
        Contrast single = Contrast.of("a", new double[] {1}, new double[] {2.1}, new double[] {1}, 7.9);
        double p = Dunnett.adjust(List.of(single), new double[] {1}).adjusted()[0];
        near("one contrast, df truncated to 7", 2 * new TDistribution(7).cumulativeProbability(-2.1), p, 1e-8);

        Contrast z = new Contrast("z", 1.7, 1, Double.POSITIVE_INFINITY, 1.7, Double.NaN, Double.NaN, Double.NaN);
        double[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double box = 1 - 2 * MultivariateNormalBox.phi(-1.7);
        near("three independent normals", 1 - box * box * box,
                Dunnett.adjust(List.of(z, z, z), identity).adjusted()[0], 1e-10);
    }

    @Test
    void equicorrelatedNormalsMatchTheOneDimensionalDunnettIntegral() {
        double rho = 0.5;
        double h = 2.7;
        double[] r = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                r[i * 4 + j] = i == j ? 1 : rho;
            }
        }
        // Z_j = sqrt(rho) X + sqrt(1 - rho) E_j: condition on X (Simpson's rule on [-10, 10]).
        int n = 20000;
        double dx = 20.0 / n;
        double box = 0;
        for (int i = 0; i <= n; i++) {
            double x = -10 + i * dx;
            double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            double e = MultivariateNormalBox.phi((h + Math.sqrt(rho) * x) / Math.sqrt(1 - rho))
                    - MultivariateNormalBox.phi((-h + Math.sqrt(rho) * x) / Math.sqrt(1 - rho));
            box += w * dx / 3 * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI) * Math.pow(e, 4);
        }
        Contrast z = new Contrast("z", h, 1, Double.POSITIVE_INFINITY, h, Double.NaN, Double.NaN, Double.NaN);
        near("equicorrelated normals", 1 - box, Dunnett.adjust(List.of(z, z, z, z), r).adjusted()[0], 1e-10);
    }

    @Test
    void tooLargeAFamilyOrTooFewDfAreRefusedWithAReason() {
        List<Contrast> seven = new ArrayList<>();
        double[] cov = new double[49];
        for (int i = 0; i < 7; i++) {
            seven.add(new Contrast("c" + i, 1, 1, 30, 1, Double.NaN, Double.NaN, Double.NaN));
            cov[i * 7 + i] = 1;
        }
        AnalysisException e = assertThrows(AnalysisException.class, () -> Dunnett.adjust(seven, cov));
        assertEquals("Dunnett's adjustment is available for up to 6 contrasts (this family has 7); use --adjust holm",
                e.getMessage());
        Contrast tiny = new Contrast("c", 1, 1, 0.5, 1, Double.NaN, Double.NaN, Double.NaN);
        assertThrows(AnalysisException.class, () -> Dunnett.adjust(List.of(tiny), new double[] {1}));
    }
}
