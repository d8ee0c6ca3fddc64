package org.stimtrial.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stimtrial.shared.FieldError;
import org.stimtrial.visit.AdverseEventTerms.ActionTaken;
import org.stimtrial.visit.AdverseEventTerms.Outcome;
import org.stimtrial.visit.AdverseEventTerms.Relatedness;

/** The details of an adverse event as entered. */
public record AdverseEventEntry(String term, LocalDate onsetDate, Optional<LocalDate> endDate, int severity,
                                boolean serious, Relatedness relatedness, ActionTaken actionTaken, Outcome outcome) {
    public AdverseEventEntry {
        Objects.requireNonNull(endDate);
    }

    /** Hard edit checks: term present, grade 1-5, no date in the future, end not before onset. */
    public List<FieldError> check(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (term == null || term.isBlank()) {
            errors.add(new FieldError("term", "is required"));
        }
        if (onsetDate == null) {
            errors.add(new FieldError("onsetDate", "is required"));
        } else if (onsetDate.isAfter(today)) {
            errors.add(new FieldError("onsetDate", "cannot be in the future"));
        }
        endDate.ifPresent(end -> {
            if (end.isAfter(today)) {
                errors.add(new FieldError("endDate", "cannot be in the future"));
            }
            if (onsetDate != null && end.isBefore(onsetDate)) {
                errors.add(new FieldError("endDate", "cannot be before the onset date " + onsetDate));
            }
        });
        if (severity < 1 || severity > 5) {
            errors.add(new FieldError("severity", "must be a grade from 1 to 5"));
        }
        if (relatedness == null) {
            errors.add(new FieldError("relatedness", "is required"));
        }
        if (actionTaken == null) {
            errors.add(new FieldError("actionTaken", "is required"));
        }
        if (outcome == null) {
            errors.add(new FieldError("outcome", "is required"));
        }
        if (outcome == Outcome.FATAL && severity != 5) {
            errors.add(new FieldError("severity", "a fatal outcome is grade 5"));
        }
        return errors;
    }
}
