package org.stimtrial.imports;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import org.stimtrial.imports.ImportViews.BatchView;

/**
 * The HL7 v2 original-mode acknowledgement of a laboratory message, sent only after the message and its records are
 * committed. AA: every result was taken in (or recognised as already present, or kept out with a query where it
 * disagrees with entered data). AE: the message is stored but some or all of its content was quarantined or refused
 * (the reason is in MSA-3 and ERR-8; resending the same message does not help). AR: the message was not an ORU^R01 or
 * could not be stored (resend once the problem is fixed).
 */
public record Hl7Acknowledgement(Code code, String text) {
    /** HL7 table 0008. */
    public enum Code {
        AA, AE, AR
    }

    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSZ");
    private static final int MSA_TEXT_MAX = 80;

    public Hl7Acknowledgement {
        Objects.requireNonNull(code);
        Objects.requireNonNull(text);
    }

    /** The acknowledgement of a message stored as {@code batch} ({@code duplicate}: a second delivery of it). */
    public static Hl7Acknowledgement of(byte[] message, BatchView batch, boolean duplicate) {
        String again = duplicate ? "already received as import batch " + batch.id() + "; " : "";
        if (batch.status() == BatchStatus.REJECTED) {
            Optional<Hl7Text> text = Hl7Text.of(message);
            boolean wrongKind = text.isEmpty() || !text.get().messageType().equals("ORU^R01");
            return new Hl7Acknowledgement(wrongKind ? Code.AR : Code.AE, again + batch.rejectionReason());
        }
        Reconciliation r = batch.reconciliation();
        if (r.quarantined() > 0) {
            return new Hl7Acknowledgement(Code.AE, again + r.quarantined() + " of " + r.received()
                    + " specimens quarantined for data management (import batch " + batch.id() + ")");
        }
        return new Hl7Acknowledgement(Code.AA, again + r.accepted() + " accepted, " + r.duplicates()
                + " already present, " + r.conflicts() + " kept out with a query (import batch " + batch.id() + ")");
    }

    /** The message could not be stored (the database is unavailable): the sender should send it again. */
    public static Hl7Acknowledgement notStored(String reason) {
        return new Hl7Acknowledgement(Code.AR, "not stored, please resend: " + reason);
    }

    /** The ACK message answering {@code message}, with delimiters as in HL7's defaults. */
    public String render(byte[] message, String ackControlId, OffsetDateTime now) {
        Optional<Hl7Text> in = Hl7Text.of(message);
        String sendingApp = in.map(m -> m.msh(3)).orElse("");
        String sendingFacility = in.map(m -> m.msh(4)).orElse("");
        String receivingFacility = in.map(m -> m.msh(6)).filter(f -> !f.isEmpty()).orElse("STIMTRIAL");
        String processing = in.map(m -> m.msh(11)).filter(p -> !p.isEmpty()).orElse("P");
        String controlId = in.map(Hl7Text::controlId).orElse("");
        String escaped = Hl7Text.escape(text);
        StringBuilder ack = new StringBuilder()
                .append("MSH|^~\\&|STIMTRIAL|").append(receivingFacility).append('|').append(sendingApp).append('|')
                .append(sendingFacility).append('|').append(HL7_TIME.format(now)).append("||ACK^R01^ACK|")
                .append(Hl7Text.escape(ackControlId)).append('|').append(processing).append("|2.5.1\r")
                .append("MSA|").append(code).append('|').append(controlId).append('|')
                .append(Hl7Text.escape(text.length() > MSA_TEXT_MAX ? text.substring(0, MSA_TEXT_MAX) : text))
                .append('\r');
        if (code != Code.AA) {
            ack.append("ERR|||207^Application internal error^HL70357|E||||").append(escaped).append('\r');
        }
        return ack.toString();
    }
}
