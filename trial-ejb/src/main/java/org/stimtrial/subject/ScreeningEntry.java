package org.stimtrial.subject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.stimtrial.shared.FieldError;

/** What a coordinator enters to screen a participant. */
public record ScreeningEntry(String screeningNumber, String siteCode, Sex sex, Integer yearOfBirth,
                             LocalDate consentDate) {

    /** Hard checks: valid screening number, site given, adult (18-75) at consent, consent not in the future. */
    public List<FieldError> check(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!ScreeningNumber.isValid(screeningNumber)) {
            errors.add(new FieldError("screeningNumber",
                    "must be 1-40 letters, digits, '-' or '_', starting with a letter or digit"));
        }
        if (siteCode == null || siteCode.isBlank()) {
            errors.add(new FieldError("site", "is required"));
        }
        if (sex == null) {
            errors.add(new FieldError("sex", "is required (M, F or U)"));
        }
        if (consentDate == null) {
            errors.add(new FieldError("consentDate", "is required"));
        } else if (consentDate.isAfter(today)) {
            errors.add(new FieldError("consentDate", "cannot be in the future"));
        }
        if (yearOfBirth == null) {
            errors.add(new FieldError("yearOfBirth", "is required"));
        } else if (consentDate != null) {
            int age = consentDate.getYear() - yearOfBirth;
            if (age < 18 || age > 76) {
                errors.add(new FieldError("yearOfBirth", "gives an age of " + age
                        + " at consent; the protocol enrolls adults aged 18 to 75"));
            }
        }
        return errors;
    }
}
