package org.stimtrial.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The laboratory reader takes ORU^R01 messages apart itself ({@link OruStructure}, {@link Hl7Segment}); HAPI's
 * message model is the reference it must agree with. For the documented example, every corpus message that is not
 * refused and messages written to be awkward (escapes, repetitions, subcomponents, other delimiters, several
 * participants and specimens, notes, specimen segments with their own OBX), both must find the same specimens, the
 * same results in each, and the same value in every field the reader uses.
 */
class OruStructureAgreesWithHapiTest {
    private static final Path CORPUS = Path.of("src/test/resources/import-corpus/hl7");
    private static final String HEADER = "MSH|^~\\&|CENTRAL-LAB|QUESTLAB|STIMTRIAL|STIM-301|20261115143000||ORU^R01|";
    private static final PipeParser HAPI = hapi();

    private static PipeParser hapi() {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setValidating(false);
        return context.getPipeParser();
    }

    private static List<String> awkwardMessages() {
        return List.of(
                HEADER + "A-1|P|2.5.1\rPID|1||S01\\T\\0901^^^STIM-301&2.16&ISO^SN~MRN-1^^^HOSP^MR\r"
                        + "PV1|1|O\rORC|RE|PL\\F\\1\rOBR|1|PL\\F\\1|LAB\\S\\7&NS&ISO^X||||202611150945-0800\r"
                        + "NTE|1||collected late\rOBX|1|CWE|19343-3^Amph^LN||LA6577-6^Neg\\S\\ative^LN~x^y||"
                        + "<500 ng/mL||||F\rNTE|1||note on the result\r"
                        + "OBX|2|NM|16235-4^^LN||1840|ng/mL^^UCUM|<250||||C\r",
                HEADER + "A-2|P|2.5.1\rPID|1||S01-0901\rOBR|1||SP-A||||202611150945\r"
                        + "OBX|1|ST|19343-3^^LN||Negative||||||F\rSPM|1|SP-A||UR^Urine\r"
                        + "OBX|1|NM|2161-8^^LN||80|mg/dL\r"
                        + "PID|2||S01-0902\rORC|RE\rOBR|1||SP-B||||202611160945\rOBX|1|CE|19554-5^^LN||260373001^"
                        + "Detected^SCT||||||F\rORC|RE\rOBR|2||SP-C||||202611170945\rOBX|1|ST|19554-5^^LN||POS||||||X\r",
                "MSH#*~\\&#LAB#QUESTLAB#####ORU*R01#A-3#P#2.5.1\rPID#1##S01-0901*\\S\\*\rOBR#1##SP-1####"
                        + "202611150945\rOBX#1#CWE#19343-3*Amph*LN##260415000*Not detected*SCT~other##<500####F\r",
                HEADER + "A-4|P|2.3\rPID|||S01-0901\rOBR|||SP-9||||202611150945|||\rOBX||ST|19343-3||||||||\r"
                        + "OBX|2|ST|19554-5^^LN||Negative|\r");
    }

    private static Stream<String> messages() throws IOException {
        List<String> messages = new ArrayList<>(awkwardMessages());
        messages.add(Files.readString(Path.of("../docs/examples/lab-results.hl7")));
        try (Stream<Path> files = Files.list(CORPUS)) {
            files.filter(f -> f.toString().endsWith(".hl7")).sorted().map(f -> Hl7Text.decode(ImportCorpus.read(f)))
                    .filter(text -> new LabResultsHl7().read(text.getBytes(StandardCharsets.UTF_8))
                            .rejection().isEmpty())
                    .forEach(messages::add);
        }
        return messages.stream();
    }

    @TestFactory
    Stream<DynamicTest> bothReadTheSameSpecimensResultsAndValues() throws IOException {
        List<String> all = messages().toList();
        assertTrue(all.size() >= 15, "the example, the awkward messages and the corpus: " + all.size());
        return all.stream().map(text -> DynamicTest.dynamicTest(Hl7Text.of(text).orElseThrow().controlId(),
                () -> assertEquals(byHapi(text), ourOwn(text))));
    }

    private static List<List<String>> ourOwn(String text) {
        Hl7Text message = Hl7Text.of(text).orElseThrow();
        OruStructure.Grouping grouping = OruStructure.of(message.segments(), Hl7Segment.Delimiters.of(message));
        assertEquals(Optional.empty(), grouping.refusal());
        List<List<String>> specimens = new ArrayList<>();
        for (OruStructure.Specimen specimen : grouping.specimens()) {
            Hl7Segment obr = specimen.obr();
            List<String> values = new ArrayList<>(List.of(specimen.pid().value(3), obr.value(2), obr.value(3),
                    obr.value(7)));
            for (Hl7Segment obx : specimen.observations()) {
                values.addAll(List.of(obx.value(1), obx.value(2), obx.value(3, 1), obx.value(3, 3), obx.value(5, 1),
                        obx.value(5, 2), obx.value(6, 1), obx.value(7), obx.value(11)));
            }
            specimens.add(values);
        }
        return specimens;
    }

    private static List<List<String>> byHapi(String text) throws HL7Exception {
        String withoutZ = String.join("\r", Hl7Text.of(text).orElseThrow().segments().stream()
                .filter(s -> !s.startsWith("Z")).toList());
        ORU_R01 oru = assertInstanceOf(ORU_R01.class, HAPI.parse(withoutZ));
        List<List<String>> specimens = new ArrayList<>();
        for (ORU_R01_PATIENT_RESULT result : oru.getPATIENT_RESULTAll()) {
            String number = text(result.getPATIENT().getPID().getPatientIdentifierList(0).getIDNumber());
            for (ORU_R01_ORDER_OBSERVATION order : result.getORDER_OBSERVATIONAll()) {
                OBR obr = order.getOBR();
                List<String> values = new ArrayList<>(List.of(number,
                        text(obr.getPlacerOrderNumber().getEntityIdentifier()),
                        text(obr.getFillerOrderNumber().getEntityIdentifier()),
                        text(obr.getObservationDateTime().getTime())));
                for (ORU_R01_OBSERVATION observation : order.getOBSERVATIONAll()) {
                    OBX obx = observation.getOBX();
                    values.addAll(List.of(text(obx.getSetIDOBX()), text(obx.getValueType()),
                            text(obx.getObservationIdentifier().getIdentifier()),
                            text(obx.getObservationIdentifier().getNameOfCodingSystem()), result(obx, 0),
                            result(obx, 1), text(obx.getUnits().getIdentifier()), text(obx.getReferencesRange()),
                            text(obx.getObservationResultStatus())));
                }
                specimens.add(values);
            }
        }
        return specimens;
    }

    /** OBX-5's first repetition, component {@code index} (a primitive result has only its first). */
    private static String result(OBX obx, int index) throws HL7Exception {
        if (obx.getObservationValueReps() == 0) {
            return "";
        }
        Type data = obx.getObservationValue(0).getData();
        if (data instanceof Composite composite) {
            return text((Primitive) composite.getComponent(index));
        }
        return index == 0 ? text((Primitive) data) : "";
    }

    private static String text(Primitive value) {
        return value.getValue() == null ? "" : value.getValue();
    }
}
