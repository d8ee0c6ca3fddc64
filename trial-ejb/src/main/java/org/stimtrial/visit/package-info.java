/**
 * Visits and the case report forms entered at them: craving assessments (item responses and computed scores), urine
 * drug screens with LOINC-coded analyte results, adverse events and medication adherence by pill count.
 */
package org.stimtrial.visit;
