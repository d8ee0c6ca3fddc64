package org.stimtrial.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordStateTest {
    @Test
    void anyTextReadsBackExactlyInItsOrderAndWithoutTheFieldsThatHaveNoValue() {
        Map<String, String> state = RecordState.fields("visit", "W01", "comment", "two\nlines\r\nand a \\ and \\n",
                "empty", "", "missing", null, "equation", "a=b", "analyte.19343-3.result", "NEGATIVE");
        String text = RecordState.encode(state);
        assertEquals("visit=W01\ncomment=two\\nlines\\r\\nand a \\\\ and \\\\n\nempty=\nequation=a=b\n"
                + "analyte.19343-3.result=NEGATIVE", text);
        assertEquals(List.of("visit", "comment", "empty", "equation", "analyte.19343-3.result"),
                List.copyOf(RecordState.decode(text).keySet()));
        state.remove("missing");
        assertEquals(state, RecordState.decode(text));
        assertEquals(Map.of(), RecordState.decode(RecordState.encode(Map.of())));
    }

    @Test
    void namesThatWouldNotReadBackAndDamagedTextAreRefused() {
        for (String name : List.of("", "a=b", "a\nb", RecordState.WHOLE_RECORD)) {
            assertThrows(IllegalArgumentException.class, () -> RecordState.encode(Map.of(name, "x")), name);
        }
        for (String text : List.of("no equals sign", "=value", "a=ends in \\", "a=\\t")) {
            assertThrows(IllegalArgumentException.class, () -> RecordState.decode(text), text);
        }
        assertThrows(IllegalArgumentException.class, () -> RecordState.fields("name without value"));
    }

    @Test
    void aRecordCreatedOrDeletedIsOneAuditRecordThatListsEveryFieldAsItsOwnChange() {
        Actor actor = Actor.of("coordinator", Source.API);
        OffsetDateTime at = OffsetDateTime.parse("2026-03-01T10:15:30Z");
        Map<String, String> state = RecordState.fields("specimenId", "U-1", "validity", "VALID");
        AuditRecord created = new AuditRecord(AuditRecordContent.ofRecord(1, at, actor, null, "UrineDrugScreen", "7",
                3L, AuditAction.INSERT, state), AuditHash.GENESIS);
        assertEquals(RecordState.WHOLE_RECORD, created.field());
        assertEquals(List.of(new FieldChange(AuditAction.INSERT, "specimenId", null, "U-1"),
                new FieldChange(AuditAction.INSERT, "validity", null, "VALID")), created.changes());
        AuditRecord deleted = new AuditRecord(AuditRecordContent.ofRecord(2, at, actor, "entered twice",
                "UrineDrugScreen", "7", 3L, AuditAction.DELETE, state), created.hash());
        assertEquals(List.of(new FieldChange(AuditAction.DELETE, "specimenId", "U-1", null),
                new FieldChange(AuditAction.DELETE, "validity", "VALID", null)), deleted.changes());
        assertEquals(List.of("specimenId", "validity"), AuditView.lines(List.of(created, deleted)).stream()
                .filter(v -> v.seq() == 2).map(AuditView::field).toList());
        assertThrows(IllegalArgumentException.class, () -> AuditRecordContent.ofRecord(3, at, actor, null, "X", "1",
                null, AuditAction.UPDATE, state));
        AuditRecord oneField = new AuditRecord(AuditRecordContent.of(3, at, actor, "typo", "UrineDrugScreen", "7", 3L,
                new FieldChange(AuditAction.UPDATE, "validity", "VALID", "DILUTE")), deleted.hash());
        assertEquals(List.of(new FieldChange(AuditAction.UPDATE, "validity", "VALID", "DILUTE")), oneField.changes());
    }
}
