package org.stimtrial.subject;

/** Sex recorded at screening (CDISC SEX codes). */
public enum Sex {
    M, F, U
}
