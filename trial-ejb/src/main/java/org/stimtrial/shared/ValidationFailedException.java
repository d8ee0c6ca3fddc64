package org.stimtrial.shared;

import java.util.List;

/** A hard edit check failed: nothing was saved. Carries every failing field, not just the first. */
public class ValidationFailedException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public ValidationFailedException(List<FieldError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public ValidationFailedException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String kind() {
        return "validation";
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder();
        for (FieldError e : errors) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.field()).append(": ").append(e.message());
        }
        return sb.toString();
    }
}
