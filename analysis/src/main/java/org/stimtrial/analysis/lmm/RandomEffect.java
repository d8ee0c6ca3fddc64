package org.stimtrial.analysis.lmm;

/** A conditional mode (BLUP) of one random effect of one group, with its conditional SD. */
public record RandomEffect(String group, String term, String level, double value, double conditionalSd) {
}
