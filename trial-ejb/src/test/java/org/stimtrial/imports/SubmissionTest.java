package org.stimtrial.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stimtrial.shared.Sha256;

/**
 * A submission read beforehand, in its sender's thread, carries exactly what the pipeline reads from the same bytes in
 * its transaction: the checksum, the sender's id and the records (or the rejection) of the format's reader.
 */
class SubmissionTest {
    private static Delivery delivery(ImportFormat format) {
        return new Delivery("STIM-301", ImportChannel.MLLP, format, Optional.empty(), "mllp 127.0.0.1", "lab");
    }

    private static void readsAsThePipeline(ImportFormat format, byte[] content) {
        Submission submission = new Submission(delivery(format), content);
        assertTrue(submission.reading().isEmpty(), "nothing is read before read()");
        Submission.Reading read = submission.read().reading().orElseThrow();
        PayloadReader reader = PayloadReader.of(format, "STIM-301");
        assertEquals(Sha256.hex(content), read.checksum());
        assertEquals(reader.sourceId(content), read.sourceId());
        assertEquals(reader.read(content), read.parsed());
    }

    @Test
    void theDocumentedLaboratoryMessageReadsAsThePipelineReadsIt() throws IOException {
        byte[] message = Files.readAllBytes(Path.of("../docs/examples/lab-results.hl7"));
        readsAsThePipeline(ImportFormat.HL7_ORU_R01, message);
        Submission.Reading read = new Submission(delivery(ImportFormat.HL7_ORU_R01), message).read().reading()
                .orElseThrow();
        assertTrue(read.sourceId().isPresent(), "MSH-4 and MSH-10");
        assertEquals(1, read.parsed().records().size());
        assertTrue(read.parsed().records().get(0).item().isPresent());
    }

    @Test
    void theDocumentedSiteFileReadsAsThePipelineReadsIt() throws IOException {
        byte[] file = Files.readAllBytes(Path.of("../docs/examples/urine-screens.csv"));
        readsAsThePipeline(ImportFormat.URINE_SCREEN_CSV, file);
        assertEquals(1, new Submission(delivery(ImportFormat.URINE_SCREEN_CSV), file).read().reading().orElseThrow()
                .parsed().records().size(), "one specimen in two rows");
    }

    @Test
    void bytesThatAreNotHl7AreReadAsRejectedWithTheirReason() {
        byte[] junk = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        readsAsThePipeline(ImportFormat.HL7_ORU_R01, junk);
        assertTrue(new Submission(delivery(ImportFormat.HL7_ORU_R01), junk).read().reading().orElseThrow().parsed()
                .rejection().isPresent());
    }
}
