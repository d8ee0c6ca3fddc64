/**
 * The audit trail of 21 CFR Part 11 section 11.10(e): every insert, update and delete of clinical data, with user,
 * UTC time, reason for change and source (a change field by field with its old and new value; a record created or
 * deleted as one audit record of all its fields, {@link org.stimtrial.audit.RecordState}), in an append-only,
 * hash-chained table whose integrity can be verified at any time.
 */
package org.stimtrial.audit;
