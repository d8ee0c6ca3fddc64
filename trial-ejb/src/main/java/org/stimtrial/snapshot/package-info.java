/**
 * Freezing a study's analysis data at a data cut-off date: what the database holds, read in one transaction and
 * handed to the analysis engine as an immutable {@link org.stimtrial.analysis.snapshot.TrialSnapshot} with its
 * content hash.
 */
package org.stimtrial.snapshot;
