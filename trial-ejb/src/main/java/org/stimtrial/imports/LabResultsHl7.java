package org.stimtrial.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stimtrial.visit.Analyte;
import org.stimtrial.visit.AnalyteEntry;

/**
 * Laboratory results as HL7 v2.5.1 ORU^R01 (older 2.x versions are read as 2.5.1): PID-3 carries the screening
 * number, each OBR one specimen (OBR-3 filler order number, else OBR-2, as the specimen id; OBR-7 the collection
 * time), each OBX one LOINC-coded result read by {@link LabObservation}. Z-segments are ignored; any other segment
 * that is not part of an ORU^R01 refuses the message, and so do segments out of the order {@link OruStructure}
 * reads. The message is read from its segments and fields ({@link Hl7Segment}) rather than through HAPI's message
 * model, whose building took about a third of the JVM's time per message (docs/integrations.md); a test checks
 * that both read the same values.
 */
final class LabResultsHl7 implements PayloadReader {
    private static final Set<String> ORU_SEGMENTS = Set.of("MSH", "SFT", "PID", "PD1", "NTE", "NK1", "PV1", "PV2",
            "ORC", "OBR", "TQ1", "TQ2", "CTD", "OBX", "FT1", "CTI", "SPM", "DSC");
    private static final int SOURCE_ID_MAX = 200;

    @Override
    public Optional<String> sourceId(byte[] content) {
        return Hl7Text.of(content).filter(m -> !m.controlId().isBlank()).map(m -> {
            String id = m.msh(4) + "|" + m.controlId();
            return id.length() > SOURCE_ID_MAX ? id.substring(0, SOURCE_ID_MAX) : id;
        });
    }

    @Override
    public ParsedBatch read(byte[] content) {
        String text = Hl7Text.decode(content);
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\r' && c != '\n' && c != '\t')) {
            return ParsedBatch.rejected("not an HL7 v2 message: the payload contains binary (control) bytes");
        }
        Optional<Hl7Text> message = Hl7Text.of(text);
        if (message.isEmpty()) {
            return ParsedBatch.rejected("not an HL7 v2 message: it does not begin with an MSH segment");
        }
        Hl7Text m = message.get();
        if (!m.messageType().equals("ORU^R01")) {
            return ParsedBatch.rejected("message type '" + m.messageType() + "' (MSH-9) is not taken here; the"
                    + " laboratory interface takes ORU^R01");
        }
        if (m.controlId().isBlank()) {
            return ParsedBatch.rejected("MSH-10 (message control id) is empty");
        }
        List<String> ids = m.segmentIds();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!id.startsWith("Z") && !ORU_SEGMENTS.contains(id)) {
                return ParsedBatch.rejected("segment " + (i + 1) + " '" + id + "' is not part of an ORU^R01 message");
            }
        }
        if (!ids.contains("PID") || !ids.contains("OBR")) {
            return ParsedBatch.rejected("the message has no " + (ids.contains("PID") ? "OBR (specimen)" : "PID"
                    + " (participant)") + " segment");
        }
        OruStructure.Grouping grouping = OruStructure.of(m.segments(), Hl7Segment.Delimiters.of(m));
        if (grouping.refusal().isPresent()) {
            return ParsedBatch.rejected(grouping.refusal().get());
        }
        return ParsedBatch.of(grouping.specimens().stream().map(LabResultsHl7::specimen).toList());
    }

    @Override
    public ParsedBatch readCorrection(String text) {
        String body = text.strip();
        if (!body.startsWith("MSH")) {
            body = "MSH|^~\\&|CORRECTION||||||ORU^R01|CORRECTION|P|2.5.1\r" + body;
        }
        return read(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ParsedRecord specimen(OruStructure.Specimen specimen) {
        List<String> errors = new ArrayList<>();
        String number = specimen.pid().value(3).strip();
        if (number.isEmpty()) {
            errors.add("PID-3 (patient identifier) is empty; it must carry the participant's screening number");
        }
        Hl7Segment obr = specimen.obr();
        String specimenId = firstNonBlank(obr.value(3), obr.value(2));
        if (specimenId.isEmpty()) {
            errors.add("OBR-3 (filler order number) and OBR-2 (placer order number) are empty; one must identify"
                    + " the specimen");
        } else if (specimenId.length() > 64) {
            errors.add("the specimen id in OBR-3 is longer than 64 characters");
        }
        Optional<CollectionTime> collected = Hl7Time.collection(obr.value(7), "OBR-7", errors);
        List<AnalyteEntry> results = new ArrayList<>();
        Set<Analyte> seen = EnumSet.noneOf(Analyte.class);
        boolean correction = false;
        List<Hl7Segment> observations = specimen.observations();
        if (observations.isEmpty()) {
            errors.add("the specimen has no OBX results");
        }
        for (int i = 0; i < observations.size(); i++) {
            LabObservation observation = new LabObservation(observations.get(i), i + 1);
            Optional<AnalyteEntry> entry = observation.read(errors);
            if (entry.isPresent() && !seen.add(entry.get().analyte())) {
                errors.add(observation.where() + ": LOINC " + entry.get().analyte().loinc()
                        + " is reported twice for this specimen");
            }
            entry.ifPresent(results::add);
            correction |= observation.isCorrection();
        }
        Optional<String> subject = number.isEmpty() ? Optional.empty() : Optional.of(number);
        if (!errors.isEmpty()) {
            return ParsedRecord.unreadable(specimen.text(), subject, String.join("; ", errors));
        }
        return ParsedRecord.of(specimen.text(), new ImportItem.LabUrineScreen(number, collected.orElseThrow(),
                specimenId, results, correction));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
