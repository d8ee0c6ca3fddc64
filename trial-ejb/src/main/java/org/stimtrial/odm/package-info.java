/**
 * CDISC ODM 1.3.2, the exchange format of electronic patient-reported outcomes: how the trial's visits, craving
 * instruments and their items are named in ODM (OIDs), and reading ODM XML safely (no DOCTYPE, hence no external
 * entities and no entity expansion). Plain Java, used by the ePRO import and the ODM export.
 */
package org.stimtrial.odm;
