package org.stimtrial.query;

/** Who raised a query: a soft edit check, a data manager by hand, or an import that met a conflicting value. */
public enum QueryOrigin {
    EDIT_CHECK, MANUAL, IMPORT
}
