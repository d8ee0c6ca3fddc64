package org.stimtrial.export;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.stimtrial.instrument.Instrument;
import org.stimtrial.instrument.InstrumentItem;
import org.stimtrial.odm.OdmNames;
import org.stimtrial.study.FormType;
import org.stimtrial.study.Site;
import org.stimtrial.study.Study;
import org.stimtrial.study.VisitDefinition;

/**
 * The {@code Study} (metadata version: visits as study events, craving instruments as forms with their items, types
 * and hard range checks) and {@code AdminData} (users and sites named in audit records) of the ODM export.
 */
final class OdmMetadata {
    private final XMLStreamWriter w;

    OdmMetadata(XMLStreamWriter w) {
        this.w = w;
    }

    static String metaDataVersion(Study study) {
        return "MDV." + study.protocolCode() + "." + study.protocolVersion();
    }

    void study(Study study, List<VisitDefinition> schedule, Collection<Instrument> instruments)
            throws XMLStreamException {
        w.writeStartElement("Study");
        w.writeAttribute("OID", study.protocolCode());
        w.writeStartElement("GlobalVariables");
        text("StudyName", study.protocolCode());
        text("StudyDescription", study.title());
        text("ProtocolName", study.protocolCode() + " version " + study.protocolVersion());
        w.writeEndElement();
        w.writeStartElement("MetaDataVersion");
        w.writeAttribute("OID", metaDataVersion(study));
        w.writeAttribute("Name", study.protocolCode() + " protocol version " + study.protocolVersion());
        w.writeStartElement("Protocol");
        for (VisitDefinition visit : schedule) {
            w.writeEmptyElement("StudyEventRef");
            w.writeAttribute("StudyEventOID", OdmNames.studyEvent(visit.code()));
            w.writeAttribute("OrderNumber", Integer.toString(visit.ordinal()));
            w.writeAttribute("Mandatory", "Yes");
        }
        w.writeEndElement();
        for (VisitDefinition visit : schedule) {
            studyEvent(visit, instruments);
        }
        for (Instrument instrument : instruments) {
            form(instrument);
        }
        for (Instrument instrument : instruments) {
            itemGroup(instrument);
        }
        w.writeStartElement("ItemDef");
        w.writeAttribute("OID", OdmNames.ASSESSED_ON);
        w.writeAttribute("Name", "Assessment date");
        w.writeAttribute("DataType", "date");
        w.writeEndElement();
        for (Instrument instrument : instruments) {
            for (InstrumentItem item : instrument.items()) {
                item(instrument, item);
            }
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    void admin(Study study, Set<String> users, List<Site> sites) throws XMLStreamException {
        w.writeStartElement("AdminData");
        w.writeAttribute("StudyOID", study.protocolCode());
        for (String user : users) {
            w.writeStartElement("User");
            w.writeAttribute("OID", user);
            text("LoginName", user);
            w.writeEndElement();
        }
        for (Site site : sites) {
            w.writeStartElement("Location");
            w.writeAttribute("OID", site.code());
            w.writeAttribute("Name", site.name());
            w.writeAttribute("LocationType", "Site");
            w.writeEmptyElement("MetaDataVersionRef");
            w.writeAttribute("StudyOID", study.protocolCode());
            w.writeAttribute("MetaDataVersionOID", metaDataVersion(study));
            w.writeAttribute("EffectiveDate", "2000-01-01");
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void studyEvent(VisitDefinition visit, Collection<Instrument> instruments) throws XMLStreamException {
        w.writeStartElement("StudyEventDef");
        w.writeAttribute("OID", OdmNames.studyEvent(visit.code()));
        w.writeAttribute("Name", visit.name());
        w.writeAttribute("Repeating", "No");
        w.writeAttribute("Type", "Scheduled");
        for (Instrument instrument : instruments) {
            w.writeEmptyElement("FormRef");
            w.writeAttribute("FormOID", OdmNames.form(instrument.code()));
            boolean expected = visit.expectedForms().stream().map(FormType::name)
                    .anyMatch(("CRAVING_" + instrument.code())::equals);
            w.writeAttribute("Mandatory", expected ? "Yes" : "No");
        }
        w.writeEndElement();
    }

    private void form(Instrument instrument) throws XMLStreamException {
        w.writeStartElement("FormDef");
        w.writeAttribute("OID", OdmNames.form(instrument.code()));
        w.writeAttribute("Name", instrument.name());
        w.writeAttribute("Repeating", "No");
        w.writeEmptyElement("ItemGroupRef");
        w.writeAttribute("ItemGroupOID", OdmNames.itemGroup(instrument.code()));
        w.writeAttribute("Mandatory", "Yes");
        w.writeEndElement();
    }

    private void itemGroup(Instrument instrument) throws XMLStreamException {
        w.writeStartElement("ItemGroupDef");
        w.writeAttribute("OID", OdmNames.itemGroup(instrument.code()));
        w.writeAttribute("Name", instrument.code() + " items");
        w.writeAttribute("Repeating", "No");
        w.writeEmptyElement("ItemRef");
        w.writeAttribute("ItemOID", OdmNames.ASSESSED_ON);
        w.writeAttribute("Mandatory", "Yes");
        for (InstrumentItem item : instrument.items()) {
            w.writeEmptyElement("ItemRef");
            w.writeAttribute("ItemOID", OdmNames.item(instrument.code(), item.code()));
            w.writeAttribute("Mandatory", "Yes");
        }
        w.writeEndElement();
    }

    private void item(Instrument instrument, InstrumentItem item) throws XMLStreamException {
        w.writeStartElement("ItemDef");
        w.writeAttribute("OID", OdmNames.item(instrument.code(), item.code()));
        w.writeAttribute("Name", item.code());
        w.writeAttribute("DataType", item.integer() ? "integer" : "float");
        w.writeStartElement("Question");
        w.writeStartElement("TranslatedText");
        w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
        w.writeCharacters(item.label());
        w.writeEndElement();
        w.writeEndElement();
        range("GE", item.min());
        range("LE", item.max());
        w.writeEndElement();
    }

    private void range(String comparator, BigDecimal limit) throws XMLStreamException {
        w.writeStartElement("RangeCheck");
        w.writeAttribute("Comparator", comparator);
        w.writeAttribute("SoftHard", "Hard");
        text("CheckValue", limit.stripTrailingZeros().toPlainString());
        w.writeEndElement();
    }

    private void text(String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
