/**
 * Excel reports with Apache POI: the sponsor report (pooled, never an arm), the DSMB closed report (by arm, with
 * the model results and the group-sequential boundaries) and the listings (streamed with SXSSF, so a listing of any
 * length is written in a small, fixed amount of memory). The report tables are computed from a snapshot by
 * {@link org.stimtrial.analysis.report.ReportTables} without POI, then written by
 * {@link org.stimtrial.analysis.report.SheetWriter}.
 */
package org.stimtrial.analysis.report;
