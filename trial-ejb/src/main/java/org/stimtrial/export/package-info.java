/**
 * Data going out of the trial database in exchange formats: the craving forms as CDISC ODM 1.3.2 (metadata and
 * clinical data), in the same OIDs the ePRO import reads, so that what is exported can be taken in again. Exports
 * carry no treatment arm.
 */
package org.stimtrial.export;
