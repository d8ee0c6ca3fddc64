/**
 * Report and export downloads: the sponsor workbook (pooled, from the blinded copy of a snapshot), the DSMB closed
 * workbook of a completed run, listings (streamed), the analysis-ready CSV, CDISC Dataset-JSON and the R script of
 * a run. Every download is an audit record naming the file, the snapshot's content hash and who took it.
 */
package org.stimtrial.report;
