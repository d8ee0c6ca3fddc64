package org.stimtrial.integrations.mllp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mllp.MllpConstants;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.Hl7Acknowledgement;
import org.stimtrial.imports.Hl7Text;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.imports.ImportFormat;
import org.stimtrial.imports.ImportViews.Ingested;
import org.stimtrial.integrations.Ingest;

/**
 * An MLLP listener for the central laboratory: every framed message goes, as bytes, to the import pipeline, which
 * stores it before anything else and applies it; only then is the acknowledgement sent. A message that cannot be
 * stored (the database unreachable) is answered AR so that the laboratory sends it again. Up to 64 connections are
 * served at once, each by its own thread waiting for its message's commit (messages arriving together on several
 * connections are committed together, see {@link org.stimtrial.integrations.GroupCommit}).
 */
public final class LabResultsMllpRoute extends RouteBuilder {
    public static final String ROUTE_ID = "lab-mllp";
    private static final Logger LOG = Logger.getLogger(LabResultsMllpRoute.class.getName());

    private final String host;
    private final int port;
    private final String protocolCode;
    private final Ingest ingest;
    private final Clock clock;
    private final AtomicLong acks = new AtomicLong();

    public LabResultsMllpRoute(String host, int port, String protocolCode, Ingest ingest, Clock clock) {
        this.host = host;
        this.port = port;
        this.protocolCode = protocolCode;
        this.ingest = ingest;
        this.clock = clock;
    }

    @Override
    public void configure() {
        fromF("mllp://%s:%d?autoAck=false&hl7Headers=false&stringPayload=false&validatePayload=false"
                + "&receiveTimeout=15000&idleTimeout=600000&maxConcurrentConsumers=64", host, port)
                .routeId(ROUTE_ID)
                .process(this::acknowledge);
    }

    private void acknowledge(Exchange exchange) {
        byte[] message = Optional.ofNullable(exchange.getMessage().getBody(byte[].class)).orElse(new byte[0]);
        String controlId = Hl7Text.of(message).map(Hl7Text::controlId).orElse("");
        Hl7Acknowledgement ack;
        try {
            Ingested done = ingest.ingest(new Delivery(protocolCode, ImportChannel.MLLP, ImportFormat.HL7_ORU_R01,
                    Optional.empty(), controlId.isBlank() ? "HL7 message without MSH-10" : "MSH-10 " + controlId,
                    "central-lab"), message);
            ack = Hl7Acknowledgement.of(message, done.batch(), done.duplicate());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "HL7 message " + controlId + " was not stored", e);
            ack = Hl7Acknowledgement.notStored(e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
        String text = ack.render(message, "STIMTRIAL-" + acks.incrementAndGet(), OffsetDateTime.now(clock));
        exchange.setProperty(MllpConstants.MLLP_ACKNOWLEDGEMENT, text.getBytes(StandardCharsets.UTF_8));
    }
}
