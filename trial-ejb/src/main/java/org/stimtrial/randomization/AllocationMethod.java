package org.stimtrial.randomization;

/**
 * How an allocation was made: from the study's permuted-block list, by minimization, or {@link #DEMO_ONLY} for the
 * allocations the demo-data generator drew itself, without a protected list (they exist only in the demo study).
 */
public enum AllocationMethod {
    PERMUTED_BLOCKS, MINIMIZATION, DEMO_ONLY
}
