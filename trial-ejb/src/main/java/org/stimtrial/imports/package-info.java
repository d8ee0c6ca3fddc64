/**
 * Data sent in by sites and central labs: each file or message is stored exactly as received (the original is never
 * lost) under a checksum that makes a second delivery a no-op, then parsed and applied record by record in one
 * transaction. A record is accepted (its data saved with audit records naming the batch), quarantined with its
 * reason for a data manager to correct and re-process, recognised as a duplicate, or, when it disagrees with a value
 * entered by hand, kept out and turned into a query. Parsing here is plain Java; transport (folders, MLLP) lives in
 * the integrations module.
 */
package org.stimtrial.imports;
