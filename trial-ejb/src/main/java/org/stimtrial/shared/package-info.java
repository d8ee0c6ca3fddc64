/**
 * What every part of the trial shares: the rule violations a site coordinator or data manager is told about
 * (hard edit-check failures with their fields, unknown subjects, stale edits, illegal status changes).
 */
package org.stimtrial.shared;
