package org.stimtrial.shared;

/** The addressed study, site, subject, visit, form or query does not exist (or is not visible to the caller). */
public class UnknownEntityException extends DomainException {
    private static final long serialVersionUID = 1L;

    public UnknownEntityException(String what, Object id) {
        super("No " + what + " '" + id + "'");
    }

    @Override
    public String kind() {
        return "not-found";
    }
}
