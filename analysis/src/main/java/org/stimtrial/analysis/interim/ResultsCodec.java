package org.stimtrial.analysis.interim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.snapshot.RecordCsv;

/**
 * The canonical text of {@link InterimResults} (sections of flat records; doubles as {@code Double.toString}, so
 * they read back bit for bit). Equal results give equal bytes: a rerun of a snapshot is checked by comparing them.
 */
public final class ResultsCodec {
    static final String MAGIC = "#STIMTRIAL-RESULTS 1";

    /** The results' identity: engine, snapshot, cut-off, number randomized. */
    public record Header(String engineVersion, String snapshotHash, java.time.LocalDate cutoff, int randomized) {
    }

    private ResultsCodec() {
    }

    public static byte[] encode(InterimResults r) {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        RecordCsv.section(sb, Header.class, List.of(new Header(r.engineVersion(), r.snapshotHash(), r.cutoff(),
                r.randomized())));
        RecordCsv.section(sb, InterimResults.ModelSummary.class, r.models());
        RecordCsv.section(sb, InterimResults.EstimateRow.class, r.estimates());
        RecordCsv.section(sb, InterimResults.TesArmRow.class, r.tes());
        RecordCsv.section(sb, InterimResults.TesComparisonRow.class, r.tesComparisons());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static InterimResults decode(byte[] bytes) {
        List<RecordCsv.Section> s = RecordCsv.sections(bytes, MAGIC, "StimTrial analysis result");
        List<String> names = s.stream().map(RecordCsv.Section::name).toList();
        if (!names.equals(List.of("Header", "ModelSummary", "EstimateRow", "TesArmRow", "TesComparisonRow"))) {
            throw new AnalysisException("analysis result sections " + names + " are not the expected ones");
        }
        List<Header> header = RecordCsv.rows(Header.class, s.get(0).lines());
        if (header.size() != 1) {
            throw new AnalysisException("an analysis result has exactly one header row");
        }
        Header h = header.get(0);
        return new InterimResults(h.engineVersion(), h.snapshotHash(), h.cutoff(), h.randomized(),
                RecordCsv.rows(InterimResults.ModelSummary.class, s.get(1).lines()),
                RecordCsv.rows(InterimResults.EstimateRow.class, s.get(2).lines()),
                RecordCsv.rows(InterimResults.TesArmRow.class, s.get(3).lines()),
                RecordCsv.rows(InterimResults.TesComparisonRow.class, s.get(4).lines()));
    }
}
