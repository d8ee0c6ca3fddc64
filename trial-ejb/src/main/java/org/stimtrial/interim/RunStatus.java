package org.stimtrial.interim;

/** Where a run stands: queued (snapshot frozen), running (models fitting), completed, or failed with a reason. */
public enum RunStatus {
    QUEUED, RUNNING, COMPLETED, FAILED
}
