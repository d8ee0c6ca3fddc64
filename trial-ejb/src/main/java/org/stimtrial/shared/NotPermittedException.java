package org.stimtrial.shared;

/** The caller is known but may not do this, e.g. a re-entered password does not match (403). */
public class NotPermittedException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final String kind;

    public NotPermittedException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }
}
