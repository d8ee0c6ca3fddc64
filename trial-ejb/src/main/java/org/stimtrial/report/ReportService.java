package org.stimtrial.report;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.stimtrial.analysis.export.DatasetJson;
import org.stimtrial.analysis.export.RScript;
import org.stimtrial.analysis.interim.AnalysisDataset;
import org.stimtrial.analysis.interim.EngineVersion;
import org.stimtrial.analysis.interim.InterimPlan;
import org.stimtrial.analysis.interim.InterimResults;
import org.stimtrial.analysis.report.DsmbReport;
import org.stimtrial.analysis.report.Listing;
import org.stimtrial.analysis.report.ListingWorkbook;
import org.stimtrial.analysis.report.ReportHeader;
import org.stimtrial.analysis.report.SnapshotListings;
import org.stimtrial.analysis.report.SponsorReport;
import org.stimtrial.analysis.snapshot.SnapshotCodec;
import org.stimtrial.analysis.snapshot.SnapshotRows.ArmRow;
import org.stimtrial.analysis.snapshot.TrialSnapshot;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.audit.RecordState;
import org.stimtrial.interim.AnalysisRun;
import org.stimtrial.interim.AnalysisRunService;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.snapshot.JpaSnapshotSource;

/**
 * Writes reports and exports to the caller's stream. Which copy of the data a caller gets is decided by the caller's
 * role in the web layer and passed here as {@code unblinded}; the sponsor workbook is always written from the
 * blinded copy.
 */
@Stateless
public class ReportService {
    /** The media type of the workbooks. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Resource(lookup = "java:app/jdbc/trial")
    private DataSource dataSource;

    public ReportService() {
    }

    public ReportService(EntityManager em, Clock clock, DataSource dataSource) {
        this.em = em;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /** The sponsor workbook of the data as of {@code cutoff} (pooled, no arm). */
    public void sponsorWorkbook(String protocol, LocalDate cutoff, Actor actor, OutputStream out) {
        TrialSnapshot snapshot = freeze(protocol, cutoff).withoutArms();
        SponsorReport.write(snapshot, header(snapshot, actor), out);
        audit(actor, sponsorName(protocol, cutoff), "sponsor workbook", snapshot);
    }

    /** The DSMB closed workbook of a completed run: by arm, with the run's stored results and boundaries. */
    public void dsmbWorkbook(String protocol, long runId, Actor actor, OutputStream out) {
        AnalysisRun run = runs().completed(protocol, runId);
        TrialSnapshot snapshot = run.snapshot();
        InterimResults results = run.results().orElseThrow();
        DsmbReport.write(snapshot, results, run.boundaries(), new ReportHeader(snapshot.protocol(), snapshot.title(),
                snapshot.cutoff(), run.snapshotHash(), actor.username(), now(), results.engineVersion()), out);
        audit(actor, dsmbName(protocol, runId), "DSMB closed workbook", snapshot);
    }

    /**
     * Listings of the data as of {@code cutoff}: participants (with the arm only when {@code unblinded}), visits,
     * urine screens, craving, adverse events, queries, and the audit trail when {@code withAuditTrail}.
     */
    public int[] listings(String protocol, LocalDate cutoff, boolean unblinded, boolean withAuditTrail, Actor actor,
                          OutputStream out) {
        TrialSnapshot frozen = freeze(protocol, cutoff);
        TrialSnapshot snapshot = unblinded ? frozen : frozen.withoutArms();
        List<Listing> listings = new ArrayList<>(SnapshotListings.of(snapshot));
        if (withAuditTrail) {
            listings.add(AuditTrailListing.of(dataSource));
        }
        int[] counts = ListingWorkbook.write(listings, out);
        audit(actor, listingsName(protocol, cutoff), "listings" + (unblinded ? " (unblinded)" : ""),
                snapshot);
        return counts;
    }

    /** The analysis-ready CSV of a run's snapshot (without the arm column unless {@code unblinded}). */
    public void analysisCsv(String protocol, long runId, boolean unblinded, Actor actor, OutputStream out) {
        TrialSnapshot snapshot = copy(runs().completed(protocol, runId), unblinded);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        AnalysisDataset.of(snapshot, InterimPlan.protocol()).writeCsv(w);
        audit(actor, csvName(protocol, runId), "analysis-ready CSV" + (unblinded ? " (unblinded)" : ""), snapshot);
    }

    /** One domain of a run's snapshot as CDISC Dataset-JSON 1.1 (DM without ARM unless {@code unblinded}). */
    public void datasetJson(String protocol, long runId, String domain, boolean unblinded, Actor actor,
                            OutputStream out) {
        checkedDomain(domain);
        TrialSnapshot snapshot = copy(runs().completed(protocol, runId), unblinded);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        DatasetJson.write(domain, snapshot, EngineVersion.current(), now(), w);
        audit(actor, datasetJsonName(protocol, runId, domain),
                "Dataset-JSON " + domain + (unblinded ? " (unblinded)" : ""), snapshot);
    }

    /** The R script refitting the run's models from its analysis-ready CSV (unblinded: it models the arms). */
    public String rScript(String protocol, long runId, Actor actor) {
        AnalysisRun run = runs().completed(protocol, runId);
        TrialSnapshot snapshot = run.snapshot();
        List<String> arms = snapshot.arms().stream().map(ArmRow::code).toList();
        String script = RScript.generate(protocol, csvName(protocol, runId), run.snapshotHash(),
                run.engineVersion().orElse(EngineVersion.current()), arms, InterimPlan.protocol());
        audit(actor, rScriptName(protocol, runId), "R script", snapshot);
        return script;
    }

    /** A Dataset-JSON domain the export writes, or a validation error listing them. */
    public static String checkedDomain(String domain) {
        String d = domain.toUpperCase(java.util.Locale.ROOT);
        if (!DatasetJson.DOMAINS.contains(d)) {
            throw new ValidationFailedException("domain", "'" + domain + "' is not one of " + DatasetJson.DOMAINS);
        }
        return d;
    }

    /** The file names of the downloads, the same in the API, the UI and the audit trail. */
    public static String csvName(String protocol, long runId) {
        return protocol + "-run-" + runId + "-analysis.csv";
    }

    public static String sponsorName(String protocol, LocalDate cutoff) {
        return protocol + "-sponsor-report-" + cutoff + ".xlsx";
    }

    public static String listingsName(String protocol, LocalDate cutoff) {
        return protocol + "-listings-" + cutoff + ".xlsx";
    }

    public static String dsmbName(String protocol, long runId) {
        return protocol + "-dsmb-run-" + runId + ".xlsx";
    }

    public static String datasetJsonName(String protocol, long runId, String domain) {
        return protocol + "-run-" + runId + "-" + domain.toLowerCase(java.util.Locale.ROOT) + ".json";
    }

    public static String rScriptName(String protocol, long runId) {
        return protocol + "-run-" + runId + ".R";
    }

    /**
     * The cut-off of a report, refused when it lies in the future; callers that stream a report check it before
     * the first byte is written.
     */
    public LocalDate checkedCutoff(LocalDate cutoff) {
        if (cutoff.isAfter(LocalDate.now(clock))) {
            throw new ValidationFailedException("cutoff", "the data cut-off " + cutoff + " is in the future");
        }
        return cutoff;
    }

    private TrialSnapshot copy(AnalysisRun run, boolean unblinded) {
        TrialSnapshot s = run.snapshot();
        return unblinded ? s : s.withoutArms();
    }

    private TrialSnapshot freeze(String protocol, LocalDate cutoff) {
        return new JpaSnapshotSource(em).freeze(protocol, checkedCutoff(cutoff));
    }

    private ReportHeader header(TrialSnapshot s, Actor actor) {
        return new ReportHeader(s.protocol(), s.title(), s.cutoff(), SnapshotCodec.hash(s), actor.username(), now(),
                EngineVersion.current());
    }

    private void audit(Actor actor, String file, String kind, TrialSnapshot snapshot) {
        new AuditTrail(em, clock).inserted(actor, null, "Download", file, null, RecordState.fields("file", kind,
                "cutoff", snapshot.cutoff().toString(), "snapshotHash", SnapshotCodec.hash(snapshot)));
    }

    private AnalysisRunService runs() {
        return new AnalysisRunService(em, clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
