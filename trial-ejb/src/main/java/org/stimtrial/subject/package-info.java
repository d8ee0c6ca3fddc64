/**
 * Trial participants: screening number, site, sex, year of birth, consent date, and the status lifecycle
 * screened - eligible / screen-failed - randomized - completed / withdrawn / lost to follow-up.
 */
package org.stimtrial.subject;
