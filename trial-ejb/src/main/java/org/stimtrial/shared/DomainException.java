package org.stimtrial.shared;

import jakarta.ejb.ApplicationException;

/**
 * Base of every rule violation the domain reports to its callers. It is an EJB application exception
 * with rollback, so a rejected request never leaves a partial write behind.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message);
    }

    /** A short, stable, machine-readable kind for the problem type URI, e.g. {@code validation}. */
    public abstract String kind();
}
