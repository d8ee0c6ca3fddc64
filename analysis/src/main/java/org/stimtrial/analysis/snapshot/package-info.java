/**
 * The frozen analysis data of an interim or final analysis: what the database held for a study at a data cut-off
 * date (participants, visits, urine screens, craving scores, adverse events, queries, quarantined import records),
 * as immutable rows with a canonical text form whose SHA-256 is the snapshot's content hash. The same snapshot
 * always gives the same bytes, the same hash and, through the engine, the same numbers.
 */
package org.stimtrial.analysis.snapshot;
