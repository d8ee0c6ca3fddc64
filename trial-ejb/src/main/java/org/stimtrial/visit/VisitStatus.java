package org.stimtrial.visit;

/** Whether a scheduled visit took place. */
public enum VisitStatus {
    SCHEDULED, DONE, MISSED
}
