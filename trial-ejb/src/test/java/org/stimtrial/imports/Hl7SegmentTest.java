package org.stimtrial.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Fields, repetitions, components, subcomponents and escapes of one segment, read with the message's delimiters. */
class Hl7SegmentTest {
    private static final Hl7Segment.Delimiters STANDARD = new Hl7Segment.Delimiters('|', '^', '~', '\\', '&');

    @Test
    void aValueIsTheFirstRepetitionsComponentsFirstSubcomponent() {
        Hl7Segment pid = new Hl7Segment("PID|1||S01-0901^^^STIM-301&2.16.840&ISO^SN~MRN-7^^^HOSP^MR||", STANDARD);
        assertEquals("PID", pid.id());
        assertEquals("S01-0901", pid.value(3));
        assertEquals("STIM-301", pid.value(3, 4), "the first subcomponent");
        assertEquals("SN", pid.value(3, 5));
        assertEquals("", pid.value(3, 6), "a component that is not there");
        assertEquals("S01-0901^^^STIM-301&2.16.840&ISO^SN", pid.repetition(3), "as sent, first repetition only");
        assertEquals("", pid.value(2), "an empty field");
        assertEquals("", pid.value(5), "an empty field at the end");
        assertEquals("", pid.value(40), "a field that is not there");
    }

    @Test
    void delimiterEscapesAreReadAsTheirCharactersAndOtherEscapesAreKept() {
        Hl7Segment obr = new Hl7Segment("OBR|1||A\\F\\B\\S\\C\\T\\D\\R\\E\\E\\F|\\H\\bold\\N\\|\\X0D\\|unclosed\\F",
                STANDARD);
        assertEquals("A|B^C&D~E\\F", obr.value(3));
        assertEquals("\\H\\bold\\N\\", obr.value(4));
        assertEquals("\\X0D\\", obr.value(5));
        assertEquals("unclosed\\F", obr.value(6), "an escape without its end is kept as sent");
    }

    @Test
    void theMessagesOwnDelimitersAreUsed() {
        Hl7Segment obx = new Hl7Segment("OBX#1#CWE#19343-3*Amphetamine*LN##LA6577-6*Negative*LN$x!y##<500",
                new Hl7Segment.Delimiters('#', '*', '$', '!', '@'));
        assertEquals("19343-3", obx.value(3, 1));
        assertEquals("LN", obx.value(3, 3));
        assertEquals("Negative", obx.value(5, 2));
        assertEquals("LA6577-6*Negative*LN", obx.repetition(5));
        assertEquals("<500", obx.value(7));
    }

    @Test
    void splittingKeepsEmptyPartsAtBothEnds() {
        assertEquals(4, Hl7Segment.split("|a||", '|').length);
        assertEquals(1, Hl7Segment.split("", '|').length);
    }
}
