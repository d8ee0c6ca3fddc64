package org.stimtrial.analysis.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.stimtrial.analysis.AnalysisException;

/**
 * The canonical text of a {@link TrialSnapshot}: a header line, then one section per kind of row ({@code #Kind},
 * a CSV header of the record's components, then the rows), RFC 4180 quoting, ISO dates, {@code Double.toString}
 * numbers (which read back exactly), empty fields for absent optionals. {@link #hash} is the SHA-256 of these UTF-8
 * bytes: the snapshot's content hash.
 */
public final class SnapshotCodec {
    static final String MAGIC = "#STIMTRIAL-SNAPSHOT 1";

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

    /** Reads canonical bytes back; anything else is refused with the line at fault. */
    public static TrialSnapshot decode(byte[] bytes) {
        List<RecordCsv.Section> parts = RecordCsv.sections(bytes, MAGIC, "StimTrial snapshot");
        List<String> names = parts.stream().map(RecordCsv.Section::name).toList();
        List<List<List<String>>> sections = parts.stream().map(RecordCsv.Section::lines).toList();
        List<String> expected = List.of("Study", "ArmRow", "SiteRow", "VisitPlanRow", "SubjectRow", "VisitRow",
                "ScreenRow", "CravingRow", "AdverseEventRow", "QueryRow", "QuarantineRow");
        if (!names.equals(expected)) {
            throw new AnalysisException("snapshot sections " + names + " are not " + expected);
        }
        List<List<String>> study = sections.get(0);
        if (study.size() != 2 || study.get(1).size() != 3) {
            throw new AnalysisException("snapshot: the Study section needs one row of protocol, title, cutoff");
        }
        return new TrialSnapshot(study.get(1).get(0), study.get(1).get(1), RecordCsv.date(study.get(1).get(2)),
                RecordCsv.rows(SnapshotRows.ArmRow.class, sections.get(1)), RecordCsv.rows(SnapshotRows.SiteRow.class, sections.get(2)),
                RecordCsv.rows(SnapshotRows.VisitPlanRow.class, sections.get(3)),
                RecordCsv.rows(SnapshotRows.SubjectRow.class, sections.get(4)), RecordCsv.rows(SnapshotRows.VisitRow.class, sections.get(5)),
                RecordCsv.rows(SnapshotRows.ScreenRow.class, sections.get(6)),
                RecordCsv.rows(SnapshotRows.CravingRow.class, sections.get(7)),
                RecordCsv.rows(SnapshotRows.AdverseEventRow.class, sections.get(8)),
                RecordCsv.rows(SnapshotRows.QueryRow.class, sections.get(9)),
                RecordCsv.rows(SnapshotRows.QuarantineRow.class, sections.get(10)));
    }

}
