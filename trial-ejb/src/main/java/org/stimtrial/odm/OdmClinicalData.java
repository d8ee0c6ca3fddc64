package org.stimtrial.odm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code ClinicalData} of an ODM 1.3 file into forms ({@link OdmForm}), safely ({@link XmlCursor}), and
 * validates the file against the ODM 1.3.2 structure ({@link OdmSchema}).
 * Elements the trial does not use (metadata, admin data, signatures, annotations, other namespaces) are skipped;
 * anything that makes the file unreadable refuses it as a whole with an {@link XmlRefusedException}.
 */
public final class OdmClinicalData {
    private OdmClinicalData() {
    }

    /** The file's {@code ClinicalData} blocks. */
    public record OdmFile(String fileOid, List<StudyForms> clinicalData) {
        public OdmFile {
            clinicalData = List.copyOf(clinicalData);
        }
    }

    /** The forms of one {@code ClinicalData} block, in file order. */
    public record StudyForms(String studyOid, List<OdmForm> forms) {
        public StudyForms {
            forms = List.copyOf(forms);
        }
    }

    public static OdmFile read(byte[] content) {
        OdmFile file = structure(content);
        OdmSchema.validate(content);
        return file;
    }

    private static OdmFile structure(byte[] content) {
        if (content.length == 0) {
            throw new XmlRefusedException("the file is empty");
        }
        try (XmlCursor x = XmlCursor.open(content)) {
            String fileOid = odmRoot(x);
            List<StudyForms> blocks = new ArrayList<>();
            while (x.nextChild()) {
                if (is(x, "ClinicalData")) {
                    String study = x.required("StudyOID");
                    blocks.add(new StudyForms(study, subjects(x)));
                } else {
                    x.skip();
                }
            }
            return new OdmFile(fileOid, blocks);
        }
    }

    /** The file's {@code FileOID}, when the content is an ODM document that has one. */
    public static Optional<String> fileOid(byte[] content) {
        try (XmlCursor x = XmlCursor.open(content)) {
            return Optional.of(odmRoot(x));
        } catch (XmlRefusedException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads {@code SubjectData} elements written without a namespace (as {@link OdmForm#toXml} writes them), e.g. a
     * data manager's correction of one form. Forms found are validated as in a file; the wrapping document's own
     * attributes are placeholders that are never read.
     */
    public static List<OdmForm> readFragment(String subjectData) {
        byte[] document = ("<ODM xmlns=\"" + OdmNames.NAMESPACE + "\" FileOID=\"fragment\" FileType=\"Transactional\""
                + " CreationDateTime=\"2000-01-01T00:00:00Z\"><ClinicalData StudyOID=\"-\" MetaDataVersionOID=\"-\">"
                + subjectData + "</ClinicalData></ODM>").getBytes(StandardCharsets.UTF_8);
        List<OdmForm> forms = structure(document).clinicalData().stream().flatMap(b -> b.forms().stream()).toList();
        if (!forms.isEmpty()) {
            OdmSchema.validate(document);
        }
        return forms;
    }

    private static String odmRoot(XmlCursor x) {
        x.root();
        if (!is(x, "ODM")) {
            throw new XmlRefusedException("not a CDISC ODM 1.3 document: the root element is <" + x.name() + ">"
                    + (x.namespace().isEmpty() ? " without a namespace" : " in namespace " + x.namespace())
                    + "; expected <ODM xmlns=\"" + OdmNames.NAMESPACE + "\">");
        }
        Optional<String> version = x.attribute("ODMVersion");
        if (version.isPresent() && !version.get().startsWith("1.3")) {
            throw new XmlRefusedException("ODM version " + version.get() + " is not read; send ODM 1.3.2");
        }
        return x.required("FileOID");
    }

    private static List<OdmForm> subjects(XmlCursor x) {
        List<OdmForm> forms = new ArrayList<>();
        while (x.nextChild()) {
            if (is(x, "SubjectData")) {
                subject(x, forms);
            } else {
                x.skip();
            }
        }
        return forms;
    }

    private static void subject(XmlCursor x, List<OdmForm> forms) {
        String key = x.required("SubjectKey");
        Optional<String> transaction = x.attribute("TransactionType");
        Optional<String> site = Optional.empty();
        int before = forms.size();
        while (x.nextChild()) {
            if (is(x, "SiteRef")) {
                site = Optional.of(x.required("LocationOID"));
                x.skip();
            } else if (is(x, "StudyEventData")) {
                String event = x.required("StudyEventOID");
                Optional<String> eventTransaction = x.attribute("TransactionType").or(() -> transaction);
                while (x.nextChild()) {
                    if (is(x, "FormData")) {
                        forms.add(form(x, key, site, event, eventTransaction));
                    } else {
                        x.skip();
                    }
                }
            } else {
                x.skip();
            }
        }
        if (forms.size() == before) {
            forms.add(new OdmForm(key, site, Optional.empty(), Optional.empty(), transaction, Optional.empty(),
                    List.of()));
        }
    }

    private static OdmForm form(XmlCursor x, String subject, Optional<String> site, String event,
                                Optional<String> outerTransaction) {
        String formOid = x.required("FormOID");
        Optional<String> transaction = x.attribute("TransactionType").or(() -> outerTransaction);
        Optional<OdmForm.Audit> audit = Optional.empty();
        List<OdmForm.Item> items = new ArrayList<>();
        while (x.nextChild()) {
            if (is(x, "AuditRecord")) {
                audit = Optional.of(audit(x));
            } else if (is(x, "ItemGroupData")) {
                String group = x.required("ItemGroupOID");
                while (x.nextChild()) {
                    if (is(x, "ItemData")) {
                        items.add(new OdmForm.Item(group, x.required("ItemOID"), x.attribute("Value"),
                                x.attribute("IsNull").filter("Yes"::equals).isPresent(),
                                x.attribute("TransactionType")));
                        x.skip();
                    } else if (isOdm(x) && x.name().startsWith("ItemData")) {
                        String oid = x.required("ItemOID");
                        Optional<String> tx = x.attribute("TransactionType");
                        String value = x.text();
                        items.add(new OdmForm.Item(group, oid, Optional.of(value).filter(v -> !v.isEmpty()),
                                false, tx));
                    } else {
                        x.skip();
                    }
                }
            } else {
                x.skip();
            }
        }
        return new OdmForm(subject, site, Optional.of(event), Optional.of(formOid), transaction, audit, items);
    }

    private static OdmForm.Audit audit(XmlCursor x) {
        Optional<String> user = Optional.empty();
        Optional<String> location = Optional.empty();
        Optional<String> stamp = Optional.empty();
        Optional<String> reason = Optional.empty();
        Optional<String> source = Optional.empty();
        while (x.nextChild()) {
            switch (isOdm(x) ? x.name() : "") {
                case "UserRef" -> {
                    user = x.attribute("UserOID");
                    x.skip();
                }
                case "LocationRef" -> {
                    location = x.attribute("LocationOID");
                    x.skip();
                }
                case "DateTimeStamp" -> stamp = nonEmpty(x.text());
                case "ReasonForChange" -> reason = nonEmpty(x.text());
                case "SourceID" -> source = nonEmpty(x.text());
                default -> x.skip();
            }
        }
        return new OdmForm.Audit(user, location, stamp, reason, source);
    }

    private static Optional<String> nonEmpty(String text) {
        return Optional.of(text).filter(t -> !t.isEmpty());
    }

    private static boolean isOdm(XmlCursor x) {
        return OdmNames.NAMESPACE.equals(x.namespace());
    }

    private static boolean is(XmlCursor x, String name) {
        return isOdm(x) && x.name().equals(name);
    }
}
