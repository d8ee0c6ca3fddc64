package org.stimtrial.analysis.export;

import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.snapshot.SnapshotRows.AnalyteRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.ScreenRow;
import org.stimtrial.analysis.snapshot.SnapshotRows.SubjectRow;
import org.stimtrial.analysis.snapshot.TrialSnapshot;

/**
 * CDISC Dataset-JSON 1.1 files of a snapshot for the domains DM, LB (urine screens: one record per analyte and
 * specimen, with its LOINC code, method, result and, for measured concentrations, the value in ng/mL; a snapshot
 * frozen before analyte results were kept gives one record per specimen, the amphetamine-type stimulant result
 * NEGATIVE or NOT NEGATIVE), QS (craving scale scores), AE and DS (consent,
 * randomization, end of participation). Top-level attributes: datasetJSONCreationDateTime, datasetJSONVersion
 * 1.1.0, fileOID, originator, sourceSystem, studyOID, itemGroupOID, isReferenceData, records, name, label, columns,
 * rows. DM carries ARMCD and ARM only when the snapshot is unblinded.
 */
public final class DatasetJson {
    public static final List<String> DOMAINS = List.of("DM", "LB", "QS", "AE", "DS");
    static final String VERSION = "1.1.0";

    /** A column of a domain: Dataset-JSON's itemOID is IT.&lt;domain&gt;.&lt;name&gt;. */
    private record Col(String name, String label, String dataType, boolean key) {
    }

    /** A domain: its label, columns and how each participant-level record maps to row values. */
    private record Domain(String label, List<Col> columns, List<List<Object>> rows) {
    }

    private DatasetJson() {
    }

    /** Writes one domain's Dataset-JSON; refuses an unknown domain with the list of known ones. */
    public static void write(String domain, TrialSnapshot s, String sourceVersion, OffsetDateTime createdAt,
                             Writer out) {
        String name = domain.toUpperCase(Locale.ROOT);
        Domain d = switch (name) {
            case "DM" -> dm(s);
            case "LB" -> lb(s);
            case "QS" -> qs(s);
            case "AE" -> ae(s);
            case "DS" -> ds(s);
            default -> throw new AnalysisException("no Dataset-JSON domain '" + domain + "'; domains are " + DOMAINS);
        };
        JsonStream j = new JsonStream(out);
        j.raw("{\n  ").field("datasetJSONCreationDateTime", createdAt.withNano(0)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        j.raw(",\n  ").field("datasetJSONVersion", VERSION);
        j.raw(",\n  ").field("fileOID", "STIMTRIAL." + s.protocol() + "." + name + "." + s.cutoff());
        j.raw(",\n  ").field("originator", "StimTrial");
        j.raw(",\n  ").string("sourceSystem").raw(": {").field("name", "StimTrial").raw(", ")
                .field("version", sourceVersion).raw("}");
        j.raw(",\n  ").field("studyOID", "ST." + s.protocol());
        j.raw(",\n  ").field("itemGroupOID", "IG." + name);
        j.raw(",\n  ").field("isReferenceData", false);
        j.raw(",\n  ").field("records", d.rows().size());
        j.raw(",\n  ").field("name", name);
        j.raw(",\n  ").field("label", d.label());
        j.raw(",\n  \"columns\": [");
        for (int c = 0; c < d.columns().size(); c++) {
            Col col = d.columns().get(c);
            j.raw(c == 0 ? "\n    {" : ",\n    {").field("itemOID", "IT." + name + "." + col.name()).raw(", ")
                    .field("name", col.name()).raw(", ").field("label", col.label()).raw(", ")
                    .field("dataType", col.dataType());
            if (col.key()) {
                j.raw(", ").field("keySequence", keySequence(d.columns(), c));
            }
            j.raw("}");
        }
        j.raw("\n  ],\n  \"rows\": [");
        for (int r = 0; r < d.rows().size(); r++) {
            j.raw(r == 0 ? "\n    [" : ",\n    [");
            List<Object> row = d.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                j.raw(c == 0 ? "" : ", ").value(row.get(c));
            }
            j.raw("]");
        }
        j.raw("\n  ]\n}\n");
        j.flush();
    }

    private static int keySequence(List<Col> columns, int index) {
        int k = 0;
        for (int c = 0; c <= index; c++) {
            k += columns.get(c).key() ? 1 : 0;
        }
        return k;
    }

    private static String usubjid(TrialSnapshot s, String subject) {
        return s.protocol() + "-" + subject;
    }

    private static Col key(String name, String label) {
        return new Col(name, label, "string", true);
    }

    private static Col str(String name, String label) {
        return new Col(name, label, "string", false);
    }

    private static Col date(String name, String label) {
        return new Col(name, label, "date", false);
    }

    private static Domain dm(TrialSnapshot s) {
        boolean arms = s.unblinded();
        List<Col> cols = new ArrayList<>(List.of(key("STUDYID", "Study Identifier"), str("DOMAIN",
                "Domain Abbreviation"), key("USUBJID", "Unique Subject Identifier"), str("SUBJID",
                "Subject Identifier for the Study"), str("SITEID", "Study Site Identifier"), str("SEX", "Sex"),
                str("BRTHDTC", "Date/Time of Birth"), date("RFICDTC", "Date/Time of Informed Consent"),
                date("RFSTDTC", "Subject Reference Start Date/Time")));
        if (arms) {
            cols.add(str("ARMCD", "Planned Arm Code"));
            cols.add(str("ARM", "Description of Planned Arm"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SubjectRow r : s.subjects()) {
            List<Object> row = new ArrayList<>(List.of(s.protocol(), "DM", usubjid(s, r.subject()), r.subject(),
                    r.site(), r.sex(), Integer.toString(r.yearOfBirth()), r.consentDate().toString()));
            row.add(r.randomizedOn().map(Object::toString).orElse(null));
            if (arms) {
                row.add(r.arm().orElse("NOTASSGN"));
                row.add(r.arm().map(a -> s.arms().stream().filter(x -> x.code().equals(a)).findFirst()
                        .map(x -> x.name()).orElse(a)).orElse("Not Assigned"));
            }
            rows.add(row);
        }
        return new Domain("Demographics", cols, rows);
    }

    /** One LB record: an analyte's result on a specimen, or (snapshots frozen before analytes were kept) the specimen. */
    private record LbRecord(ScreenRow specimen, Optional<AnalyteRow> analyte) {
    }

    private static Domain lb(TrialSnapshot s) {
        List<Col> cols = List.of(key("STUDYID", "Study Identifier"), str("DOMAIN", "Domain Abbreviation"),
                key("USUBJID", "Unique Subject Identifier"), new Col("LBSEQ", "Sequence Number", "integer", true),
                str("LBREFID", "Specimen ID"), str("LBTESTCD", "Lab Test or Examination Short Name"),
                str("LBTEST", "Lab Test or Examination Name"), str("LBCAT", "Category for Lab Test"),
                str("LBLOINC", "LOINC Code"), str("LBMETHOD", "Method of Test or Examination"),
                str("LBORRES", "Result or Finding in Original Units"), str("LBORRESU", "Original Units"),
                str("LBSTRESC", "Character Result/Finding in Std Format"),
                new Col("LBSTRESN", "Numeric Result/Finding in Standard Units", "double", false),
                str("LBSPEC", "Specimen Type"), str("VISIT", "Visit Name"),
                date("LBDTC", "Date/Time of Specimen Collection"));
        Map<String, List<AnalyteRow>> bySpecimen = new HashMap<>();
        s.analytes().forEach(a -> bySpecimen.computeIfAbsent(a.subject() + "|" + a.specimen(), k -> new ArrayList<>())
                .add(a));
        List<LbRecord> records = new ArrayList<>();
        for (ScreenRow u : s.screens()) {
            List<AnalyteRow> analytes = bySpecimen.getOrDefault(u.subject() + "|" + u.specimen(), List.of());
            if (analytes.isEmpty()) {
                records.add(new LbRecord(u, Optional.empty()));
            }
            analytes.forEach(a -> records.add(new LbRecord(u, Optional.of(a))));
        }
        return new Domain("Laboratory Test Results (urine drug screens)", cols, sequenced(records,
                r -> r.specimen().subject(), (r, seq) -> lbRow(s, r, seq)));
    }

    private static List<Object> lbRow(TrialSnapshot s, LbRecord r, int seq) {
        ScreenRow u = r.specimen();
        List<Object> row = new ArrayList<>(List.of(s.protocol(), "LB", usubjid(s, u.subject()), seq, u.specimen()));
        if (r.analyte().isPresent()) {
            AnalyteRow a = r.analyte().get();
            String result = a.concentrationNgMl().orElse(a.result());
            row.addAll(List.of(a.testCode(), a.test(), "URINE DRUG SCREEN", a.loinc(), a.method(), result));
            row.add(a.concentrationNgMl().map(c -> "ng/mL").orElse(null));
            row.add(result);
            row.add(a.concentrationNgMl().map(Double::parseDouble).orElse(null));
        } else {
            String result = u.negative() ? "NEGATIVE" : "NOT NEGATIVE";
            row.addAll(List.of("AMPHSTIM", "Amphetamine-type stimulants, urine", "URINE DRUG SCREEN"));
            row.addAll(Arrays.asList(null, null, result, null, result, null));
        }
        row.addAll(List.of("URINE", u.visit(), u.collectedOn().toString()));
        return row;
    }

    private static Domain qs(TrialSnapshot s) {
        List<Col> cols = List.of(key("STUDYID", "Study Identifier"), str("DOMAIN", "Domain Abbreviation"),
                key("USUBJID", "Unique Subject Identifier"), new Col("QSSEQ", "Sequence Number", "integer", true),
                str("QSCAT", "Category of Question"), str("QSTESTCD", "Question Short Name"),
                str("QSORRES", "Finding in Original Units"), new Col("QSSTRESN", "Numeric Finding in Standard Units",
                        "double", false), str("VISIT", "Visit Name"), date("QSDTC", "Date/Time of Finding"));
        return new Domain("Questionnaires (craving scales)", cols, sequenced(s.cravings(), c -> c.subject(),
                (c, seq) -> List.of(s.protocol(), "QS", usubjid(s, c.subject()), seq, c.instrument(),
                        (c.instrument() + c.scale()).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", ""),
                        Double.toString(c.score()), c.score(), c.visit(), c.assessedOn().toString())));
    }

    private static Domain ae(TrialSnapshot s) {
        List<Col> cols = List.of(key("STUDYID", "Study Identifier"), str("DOMAIN", "Domain Abbreviation"),
                key("USUBJID", "Unique Subject Identifier"), new Col("AESEQ", "Sequence Number", "integer", true),
                str("AETERM", "Reported Term for the Adverse Event"), date("AESTDTC", "Start Date/Time of Adverse Event"),
                date("AEENDTC", "End Date/Time of Adverse Event"), str("AETOXGR", "Standard Toxicity Grade"),
                str("AESER", "Serious Event"), str("AEREL", "Causality"), str("AEOUT", "Outcome of Adverse Event"));
        return new Domain("Adverse Events", cols, sequenced(s.adverseEvents(), a -> a.subject(), (a, seq) -> {
            List<Object> row = new ArrayList<>(List.of(s.protocol(), "AE", usubjid(s, a.subject()), seq, a.term(),
                    a.onset().toString()));
            row.add(a.end().map(Object::toString).orElse(null));
            row.addAll(List.of(Integer.toString(a.severity()), a.serious() ? "Y" : "N", a.relatedness(),
                    a.outcome()));
            return row;
        }));
    }

    private static Domain ds(TrialSnapshot s) {
        List<Col> cols = List.of(key("STUDYID", "Study Identifier"), str("DOMAIN", "Domain Abbreviation"),
                key("USUBJID", "Unique Subject Identifier"), new Col("DSSEQ", "Sequence Number", "integer", true),
                str("DSTERM", "Reported Term for the Disposition Event"), str("DSDECOD",
                        "Standardized Disposition Term"), str("DSCAT", "Category for Disposition Event"),
                date("DSSTDTC", "Start Date/Time of Disposition Event"));
        List<List<Object>> rows = new ArrayList<>();
        for (SubjectRow r : s.subjects()) {
            String u = usubjid(s, r.subject());
            int seq = 1;
            rows.add(List.of(s.protocol(), "DS", u, seq++, "INFORMED CONSENT OBTAINED", "INFORMED CONSENT OBTAINED",
                    "PROTOCOL MILESTONE", r.consentDate().toString()));
            if (r.randomizedOn().isPresent()) {
                rows.add(List.of(s.protocol(), "DS", u, seq++, "RANDOMIZED", "RANDOMIZED", "PROTOCOL MILESTONE",
                        r.randomizedOn().get().toString()));
            }
            String decod = switch (r.status()) {
                case "SCREEN_FAILED" -> "SCREEN FAILURE";
                case "COMPLETED" -> "COMPLETED";
                case "WITHDRAWN" -> "WITHDRAWAL BY SUBJECT";
                case "LOST_TO_FOLLOW_UP" -> "LOST TO FOLLOW-UP";
                default -> "";
            };
            if (!decod.isEmpty()) {
                rows.add(List.of(s.protocol(), "DS", u, seq, r.status().replace('_', ' '), decod,
                        "DISPOSITION EVENT", r.statusDate().toString()));
            }
        }
        return new Domain("Disposition", cols, rows);
    }

    /** Rows numbered per participant (the --SEQ variable) in snapshot order. */
    private static <R> List<List<Object>> sequenced(List<R> records, Function<R, String> subject,
                                                    java.util.function.BiFunction<R, Integer, List<Object>> row) {
        java.util.Map<String, Integer> seq = new java.util.HashMap<>();
        List<List<Object>> rows = new ArrayList<>(records.size());
        for (R r : records) {
            int n = seq.merge(subject.apply(r), 1, Integer::sum);
            rows.add(row.apply(r, n));
        }
        return rows;
    }
}
