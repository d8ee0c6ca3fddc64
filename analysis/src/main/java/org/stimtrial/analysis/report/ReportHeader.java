package org.stimtrial.analysis.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Who generated a report, when, from which snapshot (content hash) and with which engine: the cover sheet. */
public record ReportHeader(String protocol, String title, LocalDate cutoff, String snapshotHash,
                           String generatedBy, OffsetDateTime generatedAt, String engineVersion) {
}
