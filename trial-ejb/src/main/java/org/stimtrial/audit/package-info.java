/**
 * The audit trail of 21 CFR Part 11 section 11.10(e): every insert, update and delete of clinical data, field by
 * field, with user, UTC time, old and new value, reason for change and source, in an append-only, hash-chained table
 * whose integrity can be verified at any time.
 */
package org.stimtrial.audit;
