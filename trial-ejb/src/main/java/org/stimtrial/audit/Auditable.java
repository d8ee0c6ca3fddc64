package org.stimtrial.audit;

import java.util.Map;

/**
 * Clinical data whose every field change is audited. {@link #auditState()} gives the audited fields as text, in a
 * stable order, so that two states can be compared field by field.
 */
public interface Auditable {
    /** The entity type as it appears in the audit trail, e.g. {@code CravingAssessment}. */
    String auditType();

    /** The record's id as text. */
    String auditId();

    /** The id of the subject this record belongs to. */
    long auditSubjectId();

    /** The audited fields and their values as text ({@code null} = no value), in a stable order. */
    Map<String, String> auditState();
}
