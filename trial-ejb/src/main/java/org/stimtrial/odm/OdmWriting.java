package org.stimtrial.odm;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writing parts of ODM shared by the forms kept with import records and by the export. */
public final class OdmWriting {
    private OdmWriting() {
    }

    /**
     * An ODM {@code datetime} (an XML Schema {@code dateTime}): seconds are always written, where
     * {@code OffsetDateTime.toString()} leaves out zero seconds and so writes a value the schema refuses.
     */
    public static String dateTime(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** An {@code AuditRecord} with its children in the order the ODM schema requires. */
    public static void audit(XMLStreamWriter w, OdmForm.Audit audit) throws XMLStreamException {
        w.writeStartElement("AuditRecord");
        if (audit.userOid().isPresent()) {
            w.writeEmptyElement("UserRef");
            w.writeAttribute("UserOID", audit.userOid().get());
        }
        if (audit.locationOid().isPresent()) {
            w.writeEmptyElement("LocationRef");
            w.writeAttribute("LocationOID", audit.locationOid().get());
        }
        element(w, "DateTimeStamp", audit.dateTimeStamp());
        element(w, "ReasonForChange", audit.reasonForChange());
        element(w, "SourceID", audit.sourceId());
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, Optional<String> text) throws XMLStreamException {
        if (text.isPresent()) {
            w.writeStartElement(name);
            w.writeCharacters(text.get());
            w.writeEndElement();
        }
    }
}
