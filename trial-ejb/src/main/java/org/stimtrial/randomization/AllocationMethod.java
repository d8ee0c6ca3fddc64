package org.stimtrial.randomization;

/**
 * How an allocation was made. {@link #DEMO_ONLY} marks allocations the demo-data generator drew itself, without a
 * protected allocation list; they exist only in the demo study.
 */
public enum AllocationMethod {
    DEMO_ONLY
}
