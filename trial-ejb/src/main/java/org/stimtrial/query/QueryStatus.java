package org.stimtrial.query;

/** Where a data query stands: raised and waiting for the site, answered by the site, or closed by data management. */
public enum QueryStatus {
    OPEN, ANSWERED, CLOSED
}
