package org.stimtrial.analysis.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stimtrial.analysis.AnalysisException;

/**
 * Boundaries against published values. Constant boundaries: Pocock's C_P and O'Brien and Fleming's C_B for two-sided
 * alpha 0.05 (Jennison and Turnbull 2000, tables 2.1 and 2.3, three decimals). Lan-DeMets spending with five equally
 * spaced looks, two-sided 0.05 (DeMets and Lan 1994, Statistics in Medicine 13:1341, table I, three decimals), and
 * gsDesign's {@code gsDesign(k = 3, test.type = 1, alpha = 0.025, sfu = sfLDOF)} upper bounds (four decimals).
 */
class GroupSequentialDesignTest {
    private static final double[] FIVE = {0.2, 0.4, 0.6, 0.8, 1.0};

    private static double[] equal(int k) {
        double[] t = new double[k];
        for (int i = 0; i < k; i++) {
            t[i] = (i + 1.0) / k;
        }
        return t;
    }

    @Test
    void pococksConstantBoundariesHoldTwoSidedAlphaFivePercent() {
        double[] constants = {1.960, 2.178, 2.289, 2.361, 2.413};
        for (int k = 1; k <= 5; k++) {
            double[] z = new double[k];
            java.util.Arrays.fill(z, constants[k - 1]);
            double[] alpha = GroupSequentialDesign.crossingProbabilities(equal(k), z, 2);
            assertEquals(0.05, alpha[k - 1], 3e-4, "Pocock K = " + k);
        }
    }

    @Test
    void obrienFlemingConstantBoundariesHoldTwoSidedAlphaFivePercent() {
        double[] constants = {1.960, 1.977, 2.004, 2.024, 2.040};
        for (int k = 1; k <= 5; k++) {
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = constants[k - 1] * Math.sqrt((double) k / (i + 1));
            }
            double[] alpha = GroupSequentialDesign.crossingProbabilities(equal(k), z, 2);
            assertEquals(0.05, alpha[k - 1], 3e-4, "O'Brien-Fleming K = " + k);
        }
    }

    @Test
    void lanDeMetsObrienFlemingTypeFiveLooksTwoSided() {
        BoundaryTable table = GroupSequentialDesign.of(SpendingFunction.obrienFlemingType()).withAlpha(0.05)
                .withSides(2).boundaries(FIVE);
        assertBoundaries(new double[] {4.877, 3.357, 2.680, 2.290, 2.031}, table, 2e-3);
    }

    @Test
    void lanDeMetsPocockTypeFiveLooksTwoSided() {
        BoundaryTable table = GroupSequentialDesign.of(SpendingFunction.pocockType()).withAlpha(0.05).withSides(2)
                .boundaries(FIVE);
        assertBoundaries(new double[] {2.438, 2.427, 2.410, 2.397, 2.386}, table, 2e-3);
    }

    @Test
    void gsDesignSfLdofThreeLooksOneSided() {
        BoundaryTable table = GroupSequentialDesign.of(SpendingFunction.obrienFlemingType())
                .boundaries(1 / 3.0, 2 / 3.0, 1);
        assertBoundaries(new double[] {3.7103, 2.5114, 1.9930}, table, 2e-4);
    }

    @Test
    void atObservedUnequalFractionsEachLookSpendsExactlyItsShare() {
        double[] observed = {0.27, 0.55, 0.81, 1.0};
        for (SpendingFunction f : List.of(SpendingFunction.obrienFlemingType(), SpendingFunction.pocockType(),
                SpendingFunction.power(2))) {
            BoundaryTable table = GroupSequentialDesign.of(f).boundaries(observed);
            double[] z = table.looks().stream().mapToDouble(Boundary::z).toArray();
            double[] crossed = GroupSequentialDesign.crossingProbabilities(observed, z, 1);
            for (int k = 0; k < observed.length; k++) {
                assertEquals(f.spent(0.025, observed[k]), crossed[k], 1e-7, f.name() + " look " + (k + 1));
            }
            assertEquals(0.025, table.looks().get(3).cumulativeAlpha(), 1e-15);
        }
    }

    @Test
    void aSingleFinalLookIsTheFixedSampleTestAndAnInterimShowsItsNominalLevel() {
        assertEquals(1.959964, GroupSequentialDesign.of(SpendingFunction.pocockType()).withAlpha(0.05).withSides(2)
                .boundaries(1.0).looks().get(0).z(), 1e-6);
        BoundaryTable interim = GroupSequentialDesign.of(SpendingFunction.obrienFlemingType()).boundaries(0.5);
        Boundary look = interim.looks().get(0);
        assertEquals(look.alphaAtLook(), look.nominalP(), 1e-12, "one look: the nominal level is the alpha spent");
        assertTrue(interim.firstCrossing(look.z() + 0.01).isPresent());
        assertTrue(interim.firstCrossing(look.z() - 0.01).isEmpty());
    }

    @Test
    void fractionsOutOfOrderOrBeyondOneAreRefusedWithTheReason() {
        GroupSequentialDesign design = GroupSequentialDesign.of(SpendingFunction.pocockType());
        AnalysisException e = assertThrows(AnalysisException.class, () -> design.boundaries(0.5, 0.4));
        assertTrue(e.getMessage().contains("increase strictly"), e.getMessage());
        assertThrows(AnalysisException.class, () -> design.boundaries(0.5, 1.2));
        assertThrows(AnalysisException.class, () -> design.withAlpha(0.7));
    }

    private static void assertBoundaries(double[] expected, BoundaryTable table, double tolerance) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], table.looks().get(k).z(), tolerance, "look " + (k + 1) + " of " + table);
        }
    }
}
