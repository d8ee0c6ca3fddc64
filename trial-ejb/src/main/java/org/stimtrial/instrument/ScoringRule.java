package org.stimtrial.instrument;

/** How a scale combines its (reverse-scored) items. */
public enum ScoringRule {
    SUM, MEAN
}
