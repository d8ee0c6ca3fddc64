package org.stimtrial.imports;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stimtrial.visit.Analyte;
import org.stimtrial.visit.AnalyteEntry;

/**
 * Laboratory results as HL7 v2.5.1 ORU^R01 (older 2.x versions are read as 2.5.1), parsed with HAPI: PID-3 carries
 * the screening number, each OBR one specimen (OBR-3 filler order number, else OBR-2, as the specimen id; OBR-7 the
 * collection time), each OBX one LOINC-coded result read by {@link LabObservation}. Z-segments are ignored; any other
 * segment that is not part of an ORU^R01 refuses the message.
 */
final class LabResultsHl7 implements PayloadReader {
    private static final Set<String> ORU_SEGMENTS = Set.of("MSH", "SFT", "PID", "PD1", "NTE", "NK1", "PV1", "PV2",
            "ORC", "OBR", "TQ1", "TQ2", "CTD", "OBX", "FT1", "CTI", "SPM", "DSC");
    private static final int SOURCE_ID_MAX = 200;
    private static final PipeParser PARSER = parser();

    private static PipeParser parser() {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setValidating(false);
        return context.getPipeParser();
    }

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
        List<String> segments = m.segments().stream().filter(s -> !s.startsWith("Z")).toList();
        Message parsed;
        try {
            parsed = PARSER.parse(String.join("\r", segments));
        } catch (HL7Exception | RuntimeException e) {
            return ParsedBatch.rejected("the message cannot be parsed as HL7 v2.5.1: " + e.getMessage());
        }
        if (!(parsed instanceof ORU_R01 oru)) {
            return ParsedBatch.rejected("the message is not an ORU^R01 structure");
        }
        return records(oru, specimenTexts(segments));
    }

    @Override
    public ParsedBatch readCorrection(String text) {
        String body = text.strip();
        if (!body.startsWith("MSH")) {
            body = "MSH|^~\\&|CORRECTION||||||ORU^R01|CORRECTION|P|2.5.1\r" + body;
        }
        return read(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ParsedBatch records(ORU_R01 oru, List<String> texts) {
        List<ParsedRecord> records = new ArrayList<>();
        try {
            for (ORU_R01_PATIENT_RESULT result : oru.getPATIENT_RESULTAll()) {
                String number = Optional.ofNullable(result.getPATIENT().getPID().getPatientIdentifierList(0)
                        .getIDNumber().getValue()).orElse("").strip();
                for (ORU_R01_ORDER_OBSERVATION order : result.getORDER_OBSERVATIONAll()) {
                    if (records.size() >= texts.size()) {
                        return ParsedBatch.rejected("the segments are out of order: an OBR is not where ORU^R01"
                                + " expects it");
                    }
                    records.add(specimen(number, order, texts.get(records.size())));
                }
            }
        } catch (HL7Exception e) {
            return ParsedBatch.rejected("the message cannot be read: " + e.getMessage());
        }
        if (records.size() != texts.size()) {
            return ParsedBatch.rejected("the segments are out of order: " + texts.size() + " OBR segments, but "
                    + records.size() + " where ORU^R01 expects them");
        }
        return ParsedBatch.of(records);
    }

    private static ParsedRecord specimen(String number, ORU_R01_ORDER_OBSERVATION order, String raw)
            throws HL7Exception {
        List<String> errors = new ArrayList<>();
        if (number.isEmpty()) {
            errors.add("PID-3 (patient identifier) is empty; it must carry the participant's screening number");
        }
        OBR obr = order.getOBR();
        String specimenId = firstNonBlank(obr.getFillerOrderNumber().getEntityIdentifier().getValue(),
                obr.getPlacerOrderNumber().getEntityIdentifier().getValue());
        if (specimenId.isEmpty()) {
            errors.add("OBR-3 (filler order number) and OBR-2 (placer order number) are empty; one must identify"
                    + " the specimen");
        } else if (specimenId.length() > 64) {
            errors.add("the specimen id in OBR-3 is longer than 64 characters");
        }
        Optional<CollectionTime> collected = Hl7Time.collection(obr.getObservationDateTime().getTime().getValue(),
                "OBR-7", errors);
        List<AnalyteEntry> results = new ArrayList<>();
        Set<Analyte> seen = EnumSet.noneOf(Analyte.class);
        boolean correction = false;
        List<ORU_R01_OBSERVATION> observations = order.getOBSERVATIONAll();
        if (observations.isEmpty()) {
            errors.add("the specimen has no OBX results");
        }
        for (int i = 0; i < observations.size(); i++) {
            LabObservation observation = new LabObservation(observations.get(i).getOBX(), i + 1);
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
            return ParsedRecord.unreadable(raw, subject, String.join("; ", errors));
        }
        return ParsedRecord.of(raw, new ImportItem.LabUrineScreen(number, collected.orElseThrow(), specimenId,
                results, correction));
    }

    /**
     * The text of each specimen: its patient's PID, the ORC before the OBR if any, the OBR and what follows it up to
     * the next ORC, OBR or PID.
     */
    private static List<String> specimenTexts(List<String> segments) {
        List<String> texts = new ArrayList<>();
        String pid = "";
        String orc = "";
        StringBuilder current = null;
        for (String segment : segments) {
            String id = segment.length() >= 3 ? segment.substring(0, 3) : segment;
            if (id.equals("PID") || id.equals("ORC") || id.equals("OBR")) {
                if (current != null) {
                    texts.add(current.toString());
                    current = null;
                }
                if (id.equals("PID")) {
                    pid = segment;
                } else if (id.equals("ORC")) {
                    orc = segment + "\n";
                } else {
                    current = new StringBuilder(pid).append('\n').append(orc).append(segment);
                    orc = "";
                }
            } else if (current != null) {
                current.append('\n').append(segment);
            }
        }
        if (current != null) {
            texts.add(current.toString());
        }
        return texts;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
