/**
 * The central laboratory's HL7 v2 feed: ORU^R01 result messages over MLLP (TCP). Each message is stored and applied by
 * the import pipeline before it is acknowledged; the acknowledgement (AA, AE or AR, with the reason) is built by
 * {@code org.stimtrial.imports.Hl7Acknowledgement}.
 */
package org.stimtrial.integrations.mllp;
