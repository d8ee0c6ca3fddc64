package org.stimtrial.odm;

import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One form of one participant at one study event, as an ODM ClinicalData file sent it ({@code FormData} inside
 * {@code StudyEventData} inside {@code SubjectData}). {@code transaction} is the nearest {@code TransactionType}
 * declared on the form, its study event or its subject. A {@code SubjectData} without forms appears as a form with
 * no study event and no form OID.
 */
public record OdmForm(String subjectKey, Optional<String> site, Optional<String> studyEventOid,
                      Optional<String> formOid, Optional<String> transaction, Optional<Audit> audit,
                      List<Item> items) {
    public OdmForm {
        items = List.copyOf(items);
    }

    /** An {@code ItemData} (or typed {@code ItemDataXxx}) with its item group. */
    public record Item(String itemGroupOid, String itemOid, Optional<String> value, boolean isNull,
                       Optional<String> transaction) {
    }

    /** An ODM {@code AuditRecord}: who, where, when, why, and the sending system's own id of the data. */
    public record Audit(Optional<String> userOid, Optional<String> locationOid, Optional<String> dateTimeStamp,
                        Optional<String> reasonForChange, Optional<String> sourceId) {
    }

    /**
     * The form as a {@code SubjectData} element of its own (no namespace declaration): the text a data manager reads
     * and corrects, and what {@link OdmClinicalData#readFragment} reads back.
     */
    public String toXml() {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            w.writeStartElement("SubjectData");
            w.writeAttribute("SubjectKey", subjectKey);
            if (site.isPresent()) {
                w.writeEmptyElement("SiteRef");
                w.writeAttribute("LocationOID", site.get());
            }
            if (studyEventOid.isPresent()) {
                w.writeStartElement("StudyEventData");
                w.writeAttribute("StudyEventOID", studyEventOid.get());
                if (formOid.isPresent()) {
                    writeForm(w);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing an ODM form failed", e);
        }
        return text.toString();
    }

    private void writeForm(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("FormData");
        w.writeAttribute("FormOID", formOid.orElseThrow());
        if (transaction.isPresent()) {
            w.writeAttribute("TransactionType", transaction.get());
        }
        if (audit.isPresent()) {
            OdmWriting.audit(w, audit.get());
        }
        String group = null;
        for (Item item : items) {
            if (!item.itemGroupOid().equals(group)) {
                if (group != null) {
                    w.writeEndElement();
                }
                group = item.itemGroupOid();
                w.writeStartElement("ItemGroupData");
                w.writeAttribute("ItemGroupOID", group);
            }
            w.writeEmptyElement("ItemData");
            w.writeAttribute("ItemOID", item.itemOid());
            if (item.value().isPresent()) {
                w.writeAttribute("Value", item.value().get());
            }
            if (item.isNull()) {
                w.writeAttribute("IsNull", "Yes");
            }
            if (item.transaction().isPresent()) {
                w.writeAttribute("TransactionType", item.transaction().get());
            }
        }
        if (group != null) {
            w.writeEndElement();
        }
        w.writeEndElement();
    }
}
