package org.stimtrial.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text view of an HL7 message: segments, MSH fields and components, split by hand. */
class Hl7TextTest {
    @Test
    void segmentsEndWithCrLfOrCrLfAndBlankLinesAreDropped() {
        Hl7Text m = Hl7Text.of("MSH|^~\\&|LAB|FAC|||20261101||ORU^R01|C1|P|2.5.1\r\nPID|1||S01-0001\n\r  \rOBR|1\r"
                .getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertEquals(List.of("MSH", "PID", "OBR"), m.segmentIds());
        assertEquals("PID|1||S01-0001", m.segments().get(1));
    }

    @Test
    void mshFieldsAreCountedFromTheFieldSeparatorAndKeepEmptyFields() {
        Hl7Text m = Hl7Text.of("MSH|^~\\&|LAB|FAC|||20261101||ORU^R01^ORU_R01|C1|P|2.5.1||".getBytes(
                StandardCharsets.UTF_8)).orElseThrow();
        assertEquals("|", m.msh(1));
        assertEquals("^~\\&", m.msh(2));
        assertEquals("LAB", m.msh(3));
        assertEquals("", m.msh(5));
        assertEquals("C1", m.controlId());
        assertEquals("", m.msh(14));
        assertEquals("", m.msh(40));
        assertEquals("ORU^R01", m.messageType());
        assertEquals("ORU_R01", m.mshComponent(9, 3));
        assertEquals("", m.mshComponent(9, 4));
    }

    @Test
    void otherDelimitersAreTakenFromTheHeader() {
        Hl7Text m = Hl7Text.of("MSH#*~\\&#LAB#FAC#####ADT*A01#C2#P#2.3".getBytes(StandardCharsets.ISO_8859_1))
                .orElseThrow();
        assertEquals('#', m.fieldSeparator());
        assertEquals("*~\\&", m.encodingCharacters());
        assertEquals("ADT^A01", m.messageType());
        assertEquals("C2", m.controlId());
    }

    @Test
    void textThatDoesNotBeginWithAHeaderIsNotHl7() {
        assertTrue(Hl7Text.of("PID|1||S01\rMSH|^~\\&|".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(Hl7Text.of("\r\n\r\n".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(Hl7Text.of("MSH|^~".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(Hl7Text.of(new byte[0]).isEmpty());
    }
}
