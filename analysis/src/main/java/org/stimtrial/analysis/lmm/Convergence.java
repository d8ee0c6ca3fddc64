package org.stimtrial.analysis.lmm;

import java.util.List;

/**
 * The convergence check, part of every result: deviance evaluations, the largest absolute gradient of the deviance
 * over theta at the optimum (parameters on a bound excluded), whether the fit is singular (a variance on its bound
 * of 0), and the warnings a statistician should read.
 */
public record Convergence(int evaluations, double maxAbsGradient, boolean singular, boolean converged,
                          String optimizerMessage, List<String> warnings) {
    public Convergence {
        warnings = List.copyOf(warnings);
    }
}
