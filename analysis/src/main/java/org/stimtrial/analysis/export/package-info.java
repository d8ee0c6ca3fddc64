/**
 * Analysis exports of a snapshot: CDISC Dataset-JSON 1.1 for the DM, LB (urine screens), QS (craving), AE and DS
 * domains, and the R script that refits the prespecified models with lme4, nlme, emmeans and geepack from the
 * analysis-ready CSV ({@link org.stimtrial.analysis.interim.AnalysisDataset#writeCsv}).
 */
package org.stimtrial.analysis.export;
