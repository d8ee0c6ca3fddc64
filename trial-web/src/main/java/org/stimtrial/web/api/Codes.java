package org.stimtrial.web.api;

import java.util.Arrays;
import org.stimtrial.shared.ValidationFailedException;

/** Reads a coded value from a request and says which values are allowed when it is not one of them. */
final class Codes {
    private Codes() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            throw new ValidationFailedException(field, "is required (one of " + Arrays.toString(type.getEnumConstants())
                    + ")");
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ValidationFailedException(field, "'" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
