package org.stimtrial.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One field of one record that changed, with its old and new value as text ({@code null} = no value). */
public record FieldChange(AuditAction action, String field, String oldValue, String newValue) {
    public FieldChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(field, "field");
    }

    /** The changes that turn {@code before} into {@code after}; an absent key is a missing value. */
    public static List<FieldChange> diff(Map<String, String> before, Map<String, String> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String oldValue = before.get(field);
            String newValue = after.get(field);
            if (!Objects.equals(oldValue, newValue)) {
                changes.add(new FieldChange(AuditAction.UPDATE, field, oldValue, newValue));
            }
        }
        return changes;
    }

    /** Every present field of a newly saved record, as inserts. */
    public static List<FieldChange> inserted(Map<String, String> state) {
        List<FieldChange> changes = new ArrayList<>();
        state.forEach((field, value) -> {
            if (value != null) {
                changes.add(new FieldChange(AuditAction.INSERT, field, null, value));
            }
        });
        return changes;
    }

    /** Every present field of a deleted record, as deletes. */
    public static List<FieldChange> deleted(Map<String, String> state) {
        List<FieldChange> changes = new ArrayList<>();
        state.forEach((field, value) -> {
            if (value != null) {
                changes.add(new FieldChange(AuditAction.DELETE, field, value, null));
            }
        });
        return changes;
    }
}
