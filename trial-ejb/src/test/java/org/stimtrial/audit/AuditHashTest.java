package org.stimtrial.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditHashTest {
    private static AuditRecordContent content(String oldValue, String newValue) {
        return new AuditRecordContent(7, OffsetDateTime.parse("2026-03-01T10:15:30.123456789+02:00"), "coordinator",
                "API", null, "UPDATE", "CravingAssessment", "42", 9L, "responses.vas", oldValue, newValue, "typo");
    }

    @Test
    void theHashIsDeterministicAndIndependentOfTheOffsetAndNanoseconds() {
        AuditRecordContent a = content("55", "45");
        AuditRecordContent sameInstantInUtc = new AuditRecordContent(7,
                OffsetDateTime.parse("2026-03-01T08:15:30.123456Z"), "coordinator", "API", null, "UPDATE",
                "CravingAssessment", "42", 9L, "responses.vas", "55", "45", "typo");
        assertEquals(AuditHash.of(a, AuditHash.GENESIS), AuditHash.of(sameInstantInUtc, AuditHash.GENESIS));
        assertEquals(64, AuditHash.of(a, AuditHash.GENESIS).length());
    }

    @Test
    void anyChangeOfContentOrPredecessorChangesTheHash() {
        String base = AuditHash.of(content("55", "45"), AuditHash.GENESIS);
        assertNotEquals(base, AuditHash.of(content("55", "46"), AuditHash.GENESIS));
        assertNotEquals(base, AuditHash.of(content("55", "45"), "1".repeat(64)));
        // a missing value differs from an empty one, and shifting text between fields is detected
        assertNotEquals(AuditHash.of(content(null, "45"), AuditHash.GENESIS),
                AuditHash.of(content("", "45"), AuditHash.GENESIS));
        assertNotEquals(AuditHash.of(content("5", "545"), AuditHash.GENESIS),
                AuditHash.of(content("55", "45"), AuditHash.GENESIS));
    }

    @Test
    void diffListsOnlyChangedFieldsInOrder() {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("a", "1");
        before.put("b", "2");
        before.put("c", null);
        Map<String, String> after = new LinkedHashMap<>(before);
        after.put("b", "3");
        after.put("c", "x");
        assertEquals(List.of(new FieldChange(AuditAction.UPDATE, "b", "2", "3"),
                new FieldChange(AuditAction.UPDATE, "c", null, "x")), FieldChange.diff(before, after));
        assertEquals(List.of(new FieldChange(AuditAction.INSERT, "a", null, "1"),
                new FieldChange(AuditAction.INSERT, "b", null, "2")), FieldChange.inserted(before));
    }
}
