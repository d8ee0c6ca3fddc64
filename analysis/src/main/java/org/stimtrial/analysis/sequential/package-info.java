/**
 * Group-sequential monitoring for the DSMB's interim looks: Lan-DeMets alpha spending (O'Brien-Fleming-type,
 * Pocock-type, power family) evaluated at the observed information fractions, giving the nominal boundary of each
 * look by recursive numerical integration (Armitage, McPherson and Rowe; grid of Jennison and Turnbull, chapter 19).
 * The maths is in docs/analysis.md.
 */
package org.stimtrial.analysis.sequential;
