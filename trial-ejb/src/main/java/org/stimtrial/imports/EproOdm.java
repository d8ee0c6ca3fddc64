package org.stimtrial.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.odm.OdmClinicalData;
import org.stimtrial.odm.OdmClinicalData.OdmFile;
import org.stimtrial.odm.OdmClinicalData.StudyForms;
import org.stimtrial.odm.OdmForm;
import org.stimtrial.odm.OdmNames;
import org.stimtrial.odm.XmlRefusedException;
import org.stimtrial.visit.FormEntries.CravingEntry;

/**
 * Craving assessments from ePRO as CDISC ODM 1.3.2 {@code ClinicalData}: one {@code FormData} is one record (an
 * instrument at a visit). The subject key is the screening number, {@code SiteRef} the site, the study event and
 * form OIDs name the visit and the instrument ({@link OdmNames}); the assessment date is the item
 * {@code I.ASSESSED_ON}, else the date of the form's {@code AuditRecord} time stamp. The file's {@code FileOID} is
 * the sender's id: the same file id again is the same delivery. Nothing is ever removed by an import.
 */
final class EproOdm implements PayloadReader {
    private final String studyOid;

    EproOdm(String studyOid) {
        this.studyOid = studyOid;
    }

    @Override
    public ParsedBatch read(byte[] content) {
        OdmFile file;
        try {
            file = OdmClinicalData.read(content);
        } catch (XmlRefusedException e) {
            return ParsedBatch.rejected(e.getMessage());
        }
        if (file.clinicalData().isEmpty()) {
            return ParsedBatch.rejected("the file has no ClinicalData");
        }
        List<ParsedRecord> records = new ArrayList<>();
        for (StudyForms block : file.clinicalData()) {
            if (!block.studyOid().equals(studyOid)) {
                return ParsedBatch.rejected("ClinicalData of study " + block.studyOid() + " sent to study "
                        + studyOid);
            }
            block.forms().forEach(form -> records.add(record(form)));
        }
        if (records.isEmpty()) {
            return ParsedBatch.rejected("the file's ClinicalData has no SubjectData");
        }
        return ParsedBatch.of(records);
    }

    @Override
    public ParsedBatch readCorrection(String text) {
        try {
            List<OdmForm> forms = OdmClinicalData.readFragment(text);
            if (forms.isEmpty()) {
                return ParsedBatch.rejected("a correction is one <SubjectData> element, as the record shows it");
            }
            return ParsedBatch.of(forms.stream().map(this::record).toList());
        } catch (XmlRefusedException e) {
            return ParsedBatch.rejected(e.getMessage());
        }
    }

    @Override
    public Optional<String> sourceId(byte[] content) {
        return OdmClinicalData.fileOid(content).map(oid -> "FileOID " + oid);
    }

    private ParsedRecord record(OdmForm form) {
        String raw = form.toXml();
        Optional<String> subject = Optional.of(form.subjectKey());
        if (form.formOid().isEmpty()) {
            return ParsedRecord.unreadable(raw, subject, "SubjectData " + form.subjectKey() + " has no FormData");
        }
        List<String> errors = new ArrayList<>();
        if (form.transaction().filter("Remove"::equals).isPresent()) {
            errors.add("TransactionType Remove: an import never deletes data; a data manager decides");
        }
        if (form.site().isEmpty()) {
            errors.add("SubjectData " + form.subjectKey() + " has no SiteRef (LocationOID = the site code)");
        }
        String event = form.studyEventOid().orElseThrow();
        Optional<String> visit = OdmNames.visitOf(event);
        if (visit.isEmpty()) {
            errors.add("StudyEventOID " + event + " is not a visit (SE. and the visit code, e.g. SE.W01)");
        }
        String formOid = form.formOid().get();
        Optional<String> instrument = OdmNames.instrumentOf(formOid);
        if (instrument.isEmpty()) {
            errors.add("FormOID " + formOid + " is not an instrument (F. and the instrument code, e.g. F.VAS)");
        }
        Optional<CravingEntry> entry = instrument.flatMap(code -> entry(form, code, errors));
        if (!errors.isEmpty() || entry.isEmpty()) {
            return ParsedRecord.unreadable(raw, subject, String.join("; ", errors));
        }
        return ParsedRecord.of(raw, new ImportItem.Craving(form.site().get(), form.subjectKey(), visit.get(),
                entry.get()));
    }

    private static Optional<CravingEntry> entry(OdmForm form, String instrument, List<String> errors) {
        Map<String, BigDecimal> responses = new LinkedHashMap<>();
        Optional<LocalDate> assessedOn = Optional.empty();
        for (OdmForm.Item item : form.items()) {
            String oid = item.itemOid();
            if (!item.itemGroupOid().equals(OdmNames.itemGroup(instrument))) {
                errors.add("ItemGroupOID " + item.itemGroupOid() + " is not the item group of " + instrument + " ("
                        + OdmNames.itemGroup(instrument) + ")");
            } else if (item.transaction().filter("Remove"::equals).isPresent()) {
                errors.add("item " + oid + ": TransactionType Remove: an import never deletes data");
            } else if (item.isNull() || item.value().isEmpty()) {
                errors.add("item " + oid + " has no value");
            } else if (oid.equals(OdmNames.ASSESSED_ON)) {
                assessedOn = date(item.value().get(), errors);
            } else {
                Optional<String> code = OdmNames.itemOf(instrument, oid);
                if (code.isEmpty()) {
                    errors.add("item " + oid + " is not an item of " + instrument + " (" + OdmNames.item(instrument,
                            "<item code>") + ")");
                } else if (responses.containsKey(code.get())) {
                    errors.add("item " + oid + " is given twice");
                } else {
                    number(oid, item.value().get(), errors).ifPresent(v -> responses.put(code.get(), v));
                }
            }
        }
        if (assessedOn.isEmpty()) {
            Optional<String> stamp = form.audit().flatMap(OdmForm.Audit::dateTimeStamp);
            assessedOn = stamp.flatMap(EproOdm::dateOfStamp);
            if (stamp.isPresent() && assessedOn.isEmpty()) {
                errors.add("AuditRecord DateTimeStamp '" + stamp.get() + "' is not an ISO 8601 date and time");
            }
        }
        if (assessedOn.isEmpty() && errors.isEmpty()) {
            errors.add("no assessment date: neither the item " + OdmNames.ASSESSED_ON + " nor an AuditRecord"
                    + " DateTimeStamp");
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CravingEntry(instrument, assessedOn.get(), Map.copyOf(responses)));
    }

    private static Optional<BigDecimal> number(String oid, String value, List<String> errors) {
        try {
            return Optional.of(new BigDecimal(value));
        } catch (NumberFormatException e) {
            errors.add("item " + oid + ": '" + value + "' is not a number");
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String value, List<String> errors) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            errors.add("item " + OdmNames.ASSESSED_ON + ": '" + value + "' is not a date (e.g. 2026-11-15)");
            return Optional.empty();
        }
    }

    /** The date of an ODM datetime as written (with an offset: the local date there). */
    private static Optional<LocalDate> dateOfStamp(String stamp) {
        try {
            return Optional.of(OffsetDateTime.parse(stamp).toLocalDate());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(stamp).toLocalDate());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
