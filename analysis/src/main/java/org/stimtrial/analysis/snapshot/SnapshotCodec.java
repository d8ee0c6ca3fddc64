package org.stimtrial.analysis.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.stimtrial.analysis.AnalysisException;

/**
 * The canonical text of a {@link TrialSnapshot}: a header line, then one section per kind of row ({@code #Kind},
 * a CSV header of the record's components, then the rows), RFC 4180 quoting, ISO dates, {@code Double.toString}
 * numbers (which read back exactly), empty fields for absent optionals. {@link #hash} is the SHA-256 of these UTF-8
 * bytes: the snapshot's content hash. Version 2 added the analyte results of each urine specimen
 * ({@code AnalyteRow}); snapshots frozen as version 1 are still read (with no analyte rows), and their stored bytes
 * and hash stay as they were frozen.
 */
public final class SnapshotCodec {
    static final String MAGIC = "#STIMTRIAL-SNAPSHOT 2";
    private static final String MAGIC_1 = "#STIMTRIAL-SNAPSHOT 1";
    private static final List<String> SECTIONS = List.of("Study", "ArmRow", "SiteRow", "VisitPlanRow",
            "SubjectRow", "VisitRow", "ScreenRow", "AnalyteRow", "CravingRow", "AdverseEventRow", "QueryRow",
            "QuarantineRow");

    private SnapshotCodec() {
    }

    /** The canonical bytes. */
    public static byte[] encode(TrialSnapshot s) {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        sb.append("#Study\nprotocol,title,cutoff\n");
        sb.append(RecordCsv.join(List.of(s.protocol(), s.title(), s.cutoff().toString()))).append('\n');
        RecordCsv.section(sb, SnapshotRows.ArmRow.class, s.arms());
        RecordCsv.section(sb, SnapshotRows.SiteRow.class, s.sites());
        RecordCsv.section(sb, SnapshotRows.VisitPlanRow.class, s.schedule());
        RecordCsv.section(sb, SnapshotRows.SubjectRow.class, s.subjects());
        RecordCsv.section(sb, SnapshotRows.VisitRow.class, s.visits());
        RecordCsv.section(sb, SnapshotRows.ScreenRow.class, s.screens());
        RecordCsv.section(sb, SnapshotRows.AnalyteRow.class, s.analytes());
        RecordCsv.section(sb, SnapshotRows.CravingRow.class, s.cravings());
        RecordCsv.section(sb, SnapshotRows.AdverseEventRow.class, s.adverseEvents());
        RecordCsv.section(sb, SnapshotRows.QueryRow.class, s.queries());
        RecordCsv.section(sb, SnapshotRows.QuarantineRow.class, s.quarantine());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The SHA-256 of the canonical bytes, in lower-case hex. */
    public static String hash(TrialSnapshot s) {
        return sha256(encode(s));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Reads canonical bytes back (version 2, or version 1 without analyte rows); anything else is refused. */
    public static TrialSnapshot decode(byte[] bytes) {
        boolean version1 = startsWith(bytes, MAGIC_1 + "\n");
        List<RecordCsv.Section> parts = RecordCsv.sections(bytes, version1 ? MAGIC_1 : MAGIC, "StimTrial snapshot");
        List<String> names = parts.stream().map(RecordCsv.Section::name).toList();
        List<String> expected = version1 ? SECTIONS.stream().filter(n -> !n.equals("AnalyteRow")).toList()
                : SECTIONS;
        if (!names.equals(expected)) {
            throw new AnalysisException("snapshot sections " + names + " are not " + expected);
        }
        Map<String, List<List<String>>> sections = new HashMap<>();
        parts.forEach(p -> sections.put(p.name(), p.lines()));
        List<List<String>> study = sections.get("Study");
        if (study.size() != 2 || study.get(1).size() != 3) {
            throw new AnalysisException("snapshot: the Study section needs one row of protocol, title, cutoff");
        }
        return new TrialSnapshot(study.get(1).get(0), study.get(1).get(1), RecordCsv.date(study.get(1).get(2)),
                rows(SnapshotRows.ArmRow.class, sections), rows(SnapshotRows.SiteRow.class, sections),
                rows(SnapshotRows.VisitPlanRow.class, sections), rows(SnapshotRows.SubjectRow.class, sections),
                rows(SnapshotRows.VisitRow.class, sections), rows(SnapshotRows.ScreenRow.class, sections),
                version1 ? List.of() : rows(SnapshotRows.AnalyteRow.class, sections),
                rows(SnapshotRows.CravingRow.class, sections), rows(SnapshotRows.AdverseEventRow.class, sections),
                rows(SnapshotRows.QueryRow.class, sections), rows(SnapshotRows.QuarantineRow.class, sections));
    }

    private static <R extends Record> List<R> rows(Class<R> kind, Map<String, List<List<String>>> sections) {
        return RecordCsv.rows(kind, sections.get(kind.getSimpleName()));
    }

    private static boolean startsWith(byte[] bytes, String text) {
        byte[] prefix = text.getBytes(StandardCharsets.UTF_8);
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
