package org.stimtrial.shared;

/** The request contradicts the current state: a duplicate key, an illegal status transition. */
public class ConflictException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final String kind;

    public ConflictException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }
}
