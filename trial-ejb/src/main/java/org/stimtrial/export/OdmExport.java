package org.stimtrial.export;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditRecord;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.audit.RecordState;
import org.stimtrial.instrument.InstrumentCatalog;
import org.stimtrial.instrument.InstrumentItem;
import org.stimtrial.odm.OdmForm;
import org.stimtrial.odm.OdmNames;
import org.stimtrial.odm.OdmWriting;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Studies;
import org.stimtrial.study.Study;
import org.stimtrial.visit.CravingAssessment;
import org.stimtrial.visit.Visit;

/**
 * The craving forms of a study as one CDISC ODM 1.3.2 snapshot: the study's metadata, the users and sites named,
 * and per participant and visit each instrument's answers and assessment date, with an {@code AuditRecord} of the
 * form's latest change (who, site, when, reason). The OIDs are those the ePRO import reads ({@link OdmNames}), so an
 * exported file can be imported again. No treatment arm is written.
 */
@Stateless
public class OdmExport {
    private static final String CRAVING = "CravingAssessment";

    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;

    public OdmExport() {
    }

    public OdmExport(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Writes the file to {@code out} (UTF-8; the stream is left open) and records the download in the audit trail
     * (who, when, the file's id and the number of forms).
     */
    public void writeCravings(String protocolCode, OutputStream out, Actor actor) {
        JpaStudyRepository studies = new JpaStudyRepository(em);
        Study study = Studies.require(studies, protocolCode);
        List<CravingAssessment> forms = em.createQuery("SELECT a FROM CravingAssessment a JOIN a.visit v JOIN"
                + " v.subject s WHERE s.study = :study ORDER BY s.screeningNumber.value, v.definition.ordinal,"
                + " a.instrumentCode", CravingAssessment.class).setParameter("study", study)
                .setHint("eclipselink.batch", "a.responses").setHint("eclipselink.batch.type", "IN")
                .getResultList();
        Map<String, AuditRecord> latest = latestChanges();
        TreeSet<String> users = new TreeSet<>();
        forms.forEach(f -> Optional.ofNullable(latest.get(f.auditId())).ifPresent(a -> users.add(a.username())));
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String fileOid = protocolCode + ".cravings." + UUID.randomUUID();
        new AuditTrail(em, clock).inserted(actor, null, "Download", fileOid, null, RecordState.fields("file",
                "ODM 1.3.2 craving forms", "forms", Integer.toString(forms.size())));
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("ODM");
            w.writeDefaultNamespace(OdmNames.NAMESPACE);
            w.writeAttribute("ODMVersion", OdmNames.VERSION);
            w.writeAttribute("FileType", "Snapshot");
            w.writeAttribute("Granularity", "AllClinicalData");
            w.writeAttribute("FileOID", fileOid);
            w.writeAttribute("CreationDateTime", OdmWriting.dateTime(now));
            w.writeAttribute("SourceSystem", "stimtrial");
            OdmMetadata metadata = new OdmMetadata(w);
            InstrumentCatalog catalog = InstrumentCatalog.shipped();
            metadata.study(study, studies.schedule(study), catalog.all());
            metadata.admin(study, users, studies.sites(study));
            w.writeStartElement("ClinicalData");
            w.writeAttribute("StudyOID", protocolCode);
            w.writeAttribute("MetaDataVersionOID", OdmMetadata.metaDataVersion(study));
            clinicalData(w, forms, latest, catalog);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the ODM export failed", e);
        }
    }

    private void clinicalData(XMLStreamWriter w, List<CravingAssessment> forms, Map<String, AuditRecord> latest,
                              InstrumentCatalog catalog)
            throws XMLStreamException {
        Visit visit = null;
        for (CravingAssessment form : forms) {
            Visit current = form.visit();
            boolean newSubject = visit == null || !visit.subject().equals(current.subject());
            if (visit != null && (newSubject || !visit.equals(current))) {
                w.writeEndElement();
            }
            if (visit != null && newSubject) {
                w.writeEndElement();
            }
            if (newSubject) {
                w.writeStartElement("SubjectData");
                w.writeAttribute("SubjectKey", current.subject().screeningNumber().value());
                w.writeEmptyElement("SiteRef");
                w.writeAttribute("LocationOID", current.subject().site().code());
            }
            if (newSubject || !visit.equals(current)) {
                w.writeStartElement("StudyEventData");
                w.writeAttribute("StudyEventOID", OdmNames.studyEvent(current.definition().code()));
            }
            visit = current;
            form(w, form, Optional.ofNullable(latest.get(form.auditId())), catalog);
        }
        if (visit != null) {
            w.writeEndElement();
            w.writeEndElement();
        }
    }

    private static void form(XMLStreamWriter w, CravingAssessment form, Optional<AuditRecord> change,
                             InstrumentCatalog catalog)
            throws XMLStreamException {
        String instrument = form.instrumentCode();
        w.writeStartElement("FormData");
        w.writeAttribute("FormOID", OdmNames.form(instrument));
        if (change.isPresent()) {
            AuditRecord a = change.get();
            OdmWriting.audit(w, new OdmForm.Audit(Optional.of(a.username()),
                    Optional.of(form.visit().subject().site().code()), Optional.of(OdmWriting.dateTime(a.occurredAt())),
                    a.reason(), Optional.of(CRAVING + " " + form.auditId())));
        }
        w.writeStartElement("ItemGroupData");
        w.writeAttribute("ItemGroupOID", OdmNames.itemGroup(instrument));
        item(w, OdmNames.ASSESSED_ON, form.assessedOn().toString());
        Map<String, BigDecimal> answers = new TreeMap<>(form.responses());
        List<String> order = catalog.find(instrument).map(i -> i.items().stream()
                .map(InstrumentItem::code).toList()).orElse(List.of());
        for (String code : order) {
            Optional.ofNullable(answers.remove(code)).ifPresent(v -> writeAnswer(w, instrument, code, v));
        }
        for (Map.Entry<String, BigDecimal> rest : answers.entrySet()) {
            writeAnswer(w, instrument, rest.getKey(), rest.getValue());
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    /** An answer, in the order of the instrument's items (the item group definition's order). */
    private static void writeAnswer(XMLStreamWriter w, String instrument, String code, BigDecimal value) {
        try {
            item(w, OdmNames.item(instrument, code), value.stripTrailingZeros().toPlainString());
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the ODM export failed", e);
        }
    }

    private static void item(XMLStreamWriter w, String oid, String value) throws XMLStreamException {
        w.writeEmptyElement("ItemData");
        w.writeAttribute("ItemOID", oid);
        w.writeAttribute("Value", value);
    }

    /** The newest audit record of every craving form, by form id. */
    private Map<String, AuditRecord> latestChanges() {
        Map<String, AuditRecord> latest = new HashMap<>();
        em.createQuery("SELECT a FROM AuditRecord a WHERE a.entityType = :t AND a.seq IN (SELECT MAX(b.seq) FROM"
                + " AuditRecord b WHERE b.entityType = :t GROUP BY b.entityId)", AuditRecord.class)
                .setParameter("t", CRAVING).getResultStream().forEach(a -> latest.put(a.entityId(), a));
        return latest;
    }
}
