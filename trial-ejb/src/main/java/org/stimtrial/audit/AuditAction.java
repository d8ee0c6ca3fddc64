package org.stimtrial.audit;

/** What happened to a value. */
public enum AuditAction {
    INSERT, UPDATE, DELETE
}
