package org.stimtrial.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The specimens of an ORU^R01 message, read from its segments in order as HL7 v2.5.1 chapter 7 groups them: a PID
 * opens a participant's results; an OBR (after an optional ORC) opens a specimen, which takes the OBX segments that
 * follow it up to the next PID, ORC or OBR; OBX segments after an SPM describe the specimen itself (volume,
 * temperature) and are not results. Notes, timing, billing and Z-segments are kept in a specimen's text but not
 * read. A segment where the structure does not allow it (an OBX or SPM before any OBR, an OBR before any PID, an ORC
 * not followed by its OBR, patient segments among the orders, a second MSH) refuses the whole message: which result
 * belongs to which specimen would be a guess.
 */
final class OruStructure {
    private static final Set<String> PATIENT_SEGMENTS = Set.of("PD1", "NK1", "PV1", "PV2");
    private static final Set<String> MESSAGE_SEGMENTS = Set.of("SFT", "DSC");

    /** One OBR with its participant's PID, its results (OBX) and the text of its segments. */
    record Specimen(Hl7Segment pid, Hl7Segment obr, List<Hl7Segment> observations, String text) {
    }

    /** The specimens in order, or why the segments cannot be grouped into them. */
    record Grouping(List<Specimen> specimens, Optional<String> refusal) {
    }

    private final List<Specimen> specimens = new ArrayList<>();
    private Optional<Hl7Segment> pid = Optional.empty();
    private Optional<Hl7Segment> orc = Optional.empty();
    private Hl7Segment obr;
    private List<Hl7Segment> observations;
    private StringBuilder text;
    private boolean specimenPart;

    private OruStructure() {
    }

    /** Groups a message's segments (MSH first; Z-segments are skipped). */
    static Grouping of(List<String> segments, Hl7Segment.Delimiters delimiters) {
        OruStructure structure = new OruStructure();
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).startsWith("Z")) {
                continue;
            }
            Optional<String> refusal = structure.take(new Hl7Segment(segments.get(i), delimiters), i + 1);
            if (refusal.isPresent()) {
                return new Grouping(List.of(), refusal.map(r -> "the segments are out of order: " + r));
            }
        }
        Optional<String> open = structure.orc.map(o -> "the ORC before the end of the message has no OBR");
        structure.close();
        return new Grouping(List.copyOf(structure.specimens), open.map(r -> "the segments are out of order: " + r));
    }

    private Optional<String> take(Hl7Segment segment, int number) {
        String id = segment.id();
        String where = "segment " + number + " '" + id + "'";
        if (orc.isPresent() && !id.equals("OBR")) {
            return Optional.of("the ORC before " + where + " is not followed by its OBR");
        }
        switch (id) {
            case "MSH" -> {
                return Optional.of(where + " begins a second message; send one message per MLLP frame or file");
            }
            case "PID" -> {
                close();
                pid = Optional.of(segment);
            }
            case "ORC" -> {
                close();
                orc = Optional.of(segment);
            }
            case "OBR" -> {
                if (pid.isEmpty()) {
                    return Optional.of(where + " comes before the PID that names its participant");
                }
                close();
                open(segment);
            }
            case "OBX", "SPM" -> {
                if (obr == null) {
                    return Optional.of(where + " comes before any OBR");
                }
                specimenPart |= id.equals("SPM");
                if (!specimenPart) {
                    observations.add(segment);
                }
                text.append('\n').append(segment.text());
            }
            default -> {
                if (PATIENT_SEGMENTS.contains(id) && (pid.isEmpty() || obr != null)) {
                    return Optional.of(where + " belongs between the PID and the participant's first OBR");
                }
                if (obr != null && !MESSAGE_SEGMENTS.contains(id)) {
                    text.append('\n').append(segment.text());
                }
            }
        }
        return Optional.empty();
    }

    private void open(Hl7Segment segment) {
        obr = segment;
        observations = new ArrayList<>();
        text = new StringBuilder(pid.orElseThrow().text()).append('\n');
        orc.ifPresent(o -> text.append(o.text()).append('\n'));
        text.append(segment.text());
        orc = Optional.empty();
        specimenPart = false;
    }

    private void close() {
        if (obr != null) {
            specimens.add(new Specimen(pid.orElseThrow(), obr, List.copyOf(observations), text.toString()));
            obr = null;
        }
    }
}
