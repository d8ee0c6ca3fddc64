package org.stimtrial.analysis.lmm;

/** One row of the VarCorr table: a standard deviation, or (with {@code var2}) a correlation. */
public record VarianceComponent(String group, String var1, String var2, double variance, double sdOrCorrelation) {
}
