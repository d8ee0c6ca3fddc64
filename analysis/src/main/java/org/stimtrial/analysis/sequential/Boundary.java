package org.stimtrial.analysis.sequential;

/**
 * One look of a group-sequential design: its information fraction, the alpha spent up to it and at it, the nominal
 * boundary on the z scale (reject when {@code Z >= z}, two-sided also when {@code Z <= -z}; infinite when nothing
 * is spent at this look) and the nominal one-sided p-value it corresponds to.
 */
public record Boundary(int look, double informationFraction, double cumulativeAlpha, double alphaAtLook, double z,
                       double nominalP) {
}
