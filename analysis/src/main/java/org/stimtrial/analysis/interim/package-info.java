/**
 * Interim and final analyses of a frozen {@link org.stimtrial.analysis.snapshot.TrialSnapshot}: the analysis
 * dataset (one row per participant and week, as the validation data), the prespecified models (primary: weekly
 * urine-screen negativity by a logistic mixed model with GEE as sensitivity; secondary: craving VAS by MMRM and by
 * an LMM with random intercept and slope, TES), each active arm against placebo at week 12 with Dunnett's
 * adjustment, and the immutable results with the engine version, stored in a canonical text form.
 */
package org.stimtrial.analysis.interim;
