package org.stimtrial.subject;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.regex.Pattern;

/** The participant's identifier within the study, given at screening (e.g. {@code S01-0007}); unique per study. */
@Embeddable
public class ScreeningNumber {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    @Column(name = "screening_number", nullable = false)
    private String value;

    protected ScreeningNumber() {
    }

    public ScreeningNumber(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a screening number is 1-40 letters, digits, '-' or '_', starting with a letter or digit");
        }
        this.value = value;
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScreeningNumber other && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
