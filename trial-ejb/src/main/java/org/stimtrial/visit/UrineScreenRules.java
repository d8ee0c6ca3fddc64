package org.stimtrial.visit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stimtrial.shared.FieldError;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;

/**
 * The edit checks of a urine screen and the fields its audit records name, in one place for data entry
 * ({@link UrineScreenService}) and for the bulk import path, so that both accept the same specimens and audit them
 * field for field alike.
 */
public final class UrineScreenRules {
    private UrineScreenRules() {
    }

    /** What is wrong with an entry, field by field; empty when it may be saved. */
    public static List<FieldError> problems(UrineScreenEntry entry, boolean needsSpecimenId, OffsetDateTime now) {
        List<FieldError> errors = new ArrayList<>();
        if (needsSpecimenId && (entry.specimenId() == null || entry.specimenId().isBlank())) {
            errors.add(new FieldError("specimenId", "is required"));
        } else if (entry.specimenId() != null && entry.specimenId().length() > 64) {
            errors.add(new FieldError("specimenId", "is at most 64 characters"));
        }
        if (entry.collectedAt() == null) {
            errors.add(new FieldError("collectedAt", "is required"));
        } else if (entry.collectedAt().isAfter(now)) {
            errors.add(new FieldError("collectedAt", "cannot be in the future"));
        }
        if (entry.source() == null) {
            errors.add(new FieldError("source", "is required (SITE_POC or CENTRAL_LAB)"));
        }
        if (entry.validity() == null) {
            errors.add(new FieldError("validity", "is required"));
        }
        if (entry.results() == null || entry.results().isEmpty()) {
            errors.add(new FieldError("results", "at least one analyte result is required"));
        } else {
            Set<Analyte> seen = new HashSet<>();
            for (int i = 0; i < entry.results().size(); i++) {
                AnalyteEntry r = entry.results().get(i);
                String field = "results[" + i + "]";
                if (!seen.add(r.analyte())) {
                    errors.add(new FieldError(field + ".loinc", "analyte " + r.analyte().loinc()
                            + " is given twice"));
                }
                r.cutoffNgMl().ifPresent(c -> {
                    if (c.signum() <= 0) {
                        errors.add(new FieldError(field + ".cutoffNgMl", "must be positive"));
                    }
                });
            }
        }
        return errors;
    }

    /** The audited fields of a specimen's record, in the order its audit records list them. */
    public static Map<String, String> auditState(String visitCode, String specimenId, OffsetDateTime collectedAt,
                                                 SpecimenSource source, SpecimenValidity validity,
                                                 List<AnalyteEntry> results) {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("visit", visitCode);
        state.put("specimenId", specimenId);
        state.put("collectedAt", collectedAt.toInstant().toString());
        state.put("source", source.name());
        state.put("validity", validity.name());
        for (AnalyteEntry r : results) {
            String prefix = "analyte." + r.analyte().loinc();
            state.put(prefix + ".result", r.result().name());
            state.put(prefix + ".cutoffNgMl", Values.text(r.cutoffNgMl().orElse(null)));
            r.concentrationNgMl().ifPresent(c -> state.put(prefix + ".concentrationNgMl", Values.text(c)));
        }
        return state;
    }
}
