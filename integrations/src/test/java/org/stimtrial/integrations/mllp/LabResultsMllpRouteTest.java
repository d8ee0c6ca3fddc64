package org.stimtrial.integrations.mllp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.imports.ImportFormat;
import org.stimtrial.imports.Reconciliation;
import org.stimtrial.integrations.Batches;
import org.stimtrial.integrations.Ingest;

/**
 * The MLLP route on a real socket on 127.0.0.1: each framed message reaches the pipeline as the exact bytes sent and
 * is acknowledged only after the pipeline returned; bytes without a frame do not bring the listener down; a message
 * the pipeline could not store is answered AR.
 */
class LabResultsMllpRouteTest {
    private static final String ORU = "MSH|^~\\&|CENTRAL-LAB|QUESTLAB|STIMTRIAL|STIM-301|20261120100000||ORU^R01|%s"
            + "|P|2.5.1\rPID|1||S01-0901\rOBR|1||SP-1||||202611150945\rOBX|1|ST|19343-3^^LN||NEG||||||F\r";
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private CamelContext camel;
    private int port;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    private void start(Ingest ingest) throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        camel = new DefaultCamelContext();
        camel.addRoutes(new LabResultsMllpRoute("127.0.0.1", port, "STIM-301", ingest, Clock.systemUTC()));
        camel.start();
    }

    private Ingest recording() {
        return (delivery, bytes) -> {
            deliveries.add(delivery);
            received.add(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.startsWith("MSH") ? Batches.processed(received.size(), new Reconciliation(1, 1, 0, 0, 0))
                    : Batches.rejected(received.size(), "not an HL7 v2 message: it does not begin with an MSH segment");
        };
    }

    private static String msa(String ack) {
        return ack.lines().flatMap(l -> List.of(l.split("\r")).stream()).filter(s -> s.startsWith("MSA|"))
                .findFirst().orElseThrow(() -> new AssertionError("no MSA in " + ack));
    }

    @Test
    void eachMessageIsStoredAsSentAndThenAcknowledgedAa() throws Exception {
        start(recording());
        byte[] first = String.format(ORU, "M-1").getBytes(StandardCharsets.UTF_8);
        try (MllpClient lab = new MllpClient(port, 10_000)) {
            assertTrue(msa(lab.send(first)).startsWith("MSA|AA|M-1|"));
            assertTrue(msa(lab.send(String.format(ORU, "M-2").getBytes(StandardCharsets.UTF_8)))
                    .startsWith("MSA|AA|M-2|"), "a second message on the same connection");
        }
        assertArrayEquals(first, received.get(0));
        assertEquals(ImportChannel.MLLP, deliveries.get(0).channel());
        assertEquals(ImportFormat.HL7_ORU_R01, deliveries.get(0).format());
        assertEquals("MSH-10 M-1", deliveries.get(0).fileName());
    }

    @Test
    void framedBytesThatAreNotHl7AreAnsweredArAndUnframedNoiseLeavesTheListenerUp() throws Exception {
        start(recording());
        try (MllpClient junk = new MllpClient(port, 10_000)) {
            String ack = junk.send("GET / HTTP/1.1".getBytes(StandardCharsets.US_ASCII));
            assertTrue(msa(ack).startsWith("MSA|AR||"), ack);
            assertTrue(ack.contains("does not begin with an MSH segment"), ack);
        }
        try (MllpClient noise = new MllpClient(port, 10_000)) {
            noise.sendUnframed("\u0000\u00ff random noise without a frame\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        try (MllpClient lab = new MllpClient(port, 10_000)) {
            assertTrue(msa(lab.send(String.format(ORU, "M-3").getBytes(StandardCharsets.UTF_8)))
                    .startsWith("MSA|AA|M-3|"));
        }
    }

    @Test
    void aMessageThatCouldNotBeStoredIsAnsweredArSoTheLaboratorySendsItAgain() throws Exception {
        start((delivery, bytes) -> {
            throw new IllegalStateException("database unreachable");
        });
        try (MllpClient lab = new MllpClient(port, 10_000)) {
            String ack = lab.send(String.format(ORU, "M-4").getBytes(StandardCharsets.UTF_8));
            assertTrue(msa(ack).startsWith("MSA|AR|M-4|not stored, please resend: database unreachable"), ack);
        }
    }

    @Test
    void theClientSeesTheConnectionRefusedAfterTheRouteStops() throws Exception {
        start(recording());
        camel.stop();
        camel = null;
        assertTrue(refused(), "the listener is closed with the application");
    }

    private boolean refused() {
        try (MllpClient lab = new MllpClient(port, 2_000)) {
            lab.send(String.format(ORU, "M-5").getBytes(StandardCharsets.UTF_8));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
