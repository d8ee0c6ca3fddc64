package org.stimtrial.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stimtrial.analysis.interim.InterimResults;
import org.stimtrial.analysis.snapshot.SnapshotCodec;
import org.stimtrial.analysis.snapshot.TrialSnapshot;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditRecord;
import org.stimtrial.audit.Source;
import org.stimtrial.demo.DemoLoader;
import org.stimtrial.demo.DemoPlan;
import org.stimtrial.demo.DemoStudyGenerator;
import org.stimtrial.interim.AnalysisRunService;
import org.stimtrial.interim.MonitoringPlan;
import org.stimtrial.interim.RunExecution;
import org.stimtrial.interim.RunStatus;
import org.stimtrial.interim.RunSteps;
import org.stimtrial.interim.RunViews.RunView;
import org.stimtrial.report.ReportService;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.snapshot.JpaSnapshotSource;
import org.stimtrial.visit.AdverseEventService;

/**
 * Analysis runs and reports against a database holding generated demo participants (H2 and PostgreSQL): the
 * snapshot is frozen at the cut-off with a stable hash, a run completes with progress and stored results, a rerun
 * of its snapshot gives the same bytes, the workbooks opened with POI agree with the database and the run, blinded
 * copies carry no arm, and every download is audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalysisRunContract {
    private static final String STUDY = "STIM-301";
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final LocalDate CUTOFF = TODAY.minusDays(1);
    private static final Actor STATISTICIAN = Actor.of("dsmb", Source.API);
    private static final List<String> ARM_WORDS = List.of("placebo", "bupropion", "modafinil", "acetylcysteine",
            "baclofen");

    private ImportFixture f;
    private AnalysisRunService runs;
    private ReportService reports;
    private RunView completed;

    abstract DataSource dataSource() throws Exception;

    @BeforeAll
    void setUp() throws Exception {
        f = ImportFixture.of(dataSource(), TODAY);
        TestClock clock = new TestClock(TODAY.atTime(20, 0).toInstant(ZoneOffset.UTC));
        DemoLoader loader = new DemoLoader(f.db().em(), clock, f.subjects(), f.visits(), f.screens(),
                new AdverseEventService(f.db().em(), clock));
        DemoPlan plan = new DemoStudyGenerator(11L, CUTOFF).generate(90);
        for (DemoPlan.DemoSubject s : plan.subjects()) {
            f.db().run(() -> loader.loadSubject(STUDY, s));
            f.db().em().clear();
        }
        runs = new AnalysisRunService(f.db().em(), clock);
        reports = new ReportService(f.db().em(), clock, f.db().dataSource());
        RunView queued = f.db().tx(() -> runs.start(STUDY, CUTOFF, MonitoringPlan.protocolDefault(), STATISTICIAN));
        assertEquals(RunStatus.QUEUED, queued.status());
        new RunExecution(steps()).execute(queued.id());
        completed = f.db().tx(() -> runs.view(STUDY, queued.id(), true));
    }

    /** The run's transactional steps, each in its own transaction as the EJB's REQUIRES_NEW gives them. */
    private RunSteps steps() {
        return new RunSteps() {
            @Override
            public TrialSnapshot begin(long run) {
                return f.db().tx(() -> runs.begin(run));
            }

            @Override
            public void progress(long run, int done, int total, String step) {
                f.db().run(() -> runs.progress(run, done, total, step));
            }

            @Override
            public void complete(long run, InterimResults results) {
                f.db().run(() -> runs.complete(run, results));
            }

            @Override
            public void fail(long run, String reason) {
                f.db().run(() -> runs.fail(run, reason));
            }
        };
    }

    @AfterAll
    void tearDown() {
        f.db().close();
    }

    @Test
    void theSnapshotIsFrozenAtTheCutoffWithAStableHash() {
        TrialSnapshot a = f.db().tx(() -> new JpaSnapshotSource(f.db().em()).freeze(STUDY, CUTOFF));
        TrialSnapshot b = f.db().tx(() -> new JpaSnapshotSource(f.db().em()).freeze(STUDY, CUTOFF));
        assertEquals(SnapshotCodec.hash(a), SnapshotCodec.hash(b));
        assertEquals(completed.snapshotHash(), SnapshotCodec.hash(a));
        assertEquals(f.db().count("subject"), a.subjects().size());
        assertEquals(f.db().count("allocation"), a.subjects().stream().filter(s -> s.randomized()).count());
        assertEquals(f.db().count("urine_drug_screen"), a.screens().size());
        assertEquals(f.db().count("uds_analyte_result"), a.analytes().size());
        assertTrue(a.analytes().stream().allMatch(r -> a.screens().stream().anyMatch(u -> u.specimen()
                .equals(r.specimen()) && u.subject().equals(r.subject()))), "every analyte row is of a specimen");
        TrialSnapshot early = f.db().tx(() -> new JpaSnapshotSource(f.db().em()).freeze(STUDY, CUTOFF.minusDays(60)));
        assertTrue(early.subjects().size() < a.subjects().size());
        assertTrue(early.screens().stream().allMatch(s -> !s.collectedOn().isAfter(CUTOFF.minusDays(60))));
        assertNotEquals(SnapshotCodec.hash(early), SnapshotCodec.hash(a));
    }

    @Test
    void aRunCompletesWithProgressAndStoredResultsAndItsRerunGivesTheSameBytes() {
        assertEquals(RunStatus.COMPLETED, completed.status(), completed.failure());
        assertEquals(5, completed.progress().total());
        assertEquals(5, completed.progress().done());
        assertTrue(completed.engineVersion().startsWith("stimtrial-analysis "));
        assertEquals(4, completed.results().models().size());
        assertTrue(completed.results().byArm());
        assertFalse(completed.results().estimates().isEmpty());
        assertEquals(List.of(1.0 / 2, 1.0), completed.monitoring().fractions());
        assertEquals(2, completed.monitoring().boundaries().size());

        RunView rerun = f.db().tx(() -> runs.rerun(STUDY, completed.id(), STATISTICIAN));
        assertEquals(completed.id(), rerun.rerunOf());
        assertEquals(completed.snapshotHash(), rerun.snapshotHash());
        new RunExecution(steps()).execute(rerun.id());
        RunView done = f.db().tx(() -> runs.view(STUDY, rerun.id(), true));
        assertEquals(completed.resultsHash(), done.resultsHash(), "identical result bytes");
    }

    @Test
    void blindedViewersSeePooledResultsOnly() {
        RunView blinded = f.db().tx(() -> runs.view(STUDY, completed.id(), false));
        assertFalse(blinded.results().byArm());
        assertTrue(blinded.results().estimates().isEmpty());
        assertTrue(blinded.results().tes().isEmpty());
        assertEquals(12, blinded.results().pooledByWeek().size() - 1, "weeks 1-12 and follow-up");
        String text = blinded.toString().toLowerCase(Locale.ROOT);
        ARM_WORDS.forEach(w -> assertFalse(text.contains(w), "blinded run view shows " + w));
    }

    @Test
    void aCutoffInTheFutureOrAnIncompleteRunIsRefused() {
        assertThrows(ValidationFailedException.class, () -> f.db().tx(() -> runs.start(STUDY, TODAY.plusDays(1),
                MonitoringPlan.protocolDefault(), STATISTICIAN)));
        RunView queued = f.db().tx(() -> runs.start(STUDY, CUTOFF, MonitoringPlan.protocolDefault(), STATISTICIAN));
        assertNull(queued.results());
        assertThrows(ConflictException.class, () -> f.db().tx(() -> {
            reports.dsmbWorkbook(STUDY, queued.id(), STATISTICIAN, new ByteArrayOutputStream());
            return null;
        }));
        assertThrows(ValidationFailedException.class, () -> MonitoringPlan.of("obf", 0.05, 2, "0.5,0.4,1"));
    }

    @Test
    void theSponsorWorkbookAgreesWithTheDatabaseAndShowsNoArm() throws Exception {
        long downloads = auditedDownloads();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.db().run(() -> reports.sponsorWorkbook(STUDY, CUTOFF, STATISTICIAN, out));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet disposition = wb.getSheet("Disposition");
            assertEquals("Randomized", disposition.getRow(5).getCell(0).getStringCellValue());
            assertEquals(f.db().count("allocation"), (long) disposition.getRow(5).getCell(1).getNumericCellValue());
            assertEquals(f.db().count("subject"), (long) disposition.getRow(2).getCell(1).getNumericCellValue());
            for (String text : strings(wb)) {
                ARM_WORDS.forEach(w -> assertFalse(text.toLowerCase(Locale.ROOT).contains(w), text));
            }
            long events = f.db().count("adverse_event");
            Sheet ae = wb.getSheet("Adverse events");
            Row all = ae.getRow(7);
            assertEquals("All", all.getCell(0).getStringCellValue());
            assertEquals(events, (long) (all.getCell(1).getNumericCellValue() + all.getCell(2).getNumericCellValue()));
        }
        assertEquals(downloads + 1, auditedDownloads());
    }

    @Test
    void theDsmbWorkbookShowsTheRunsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.db().run(() -> reports.dsmbWorkbook(STUDY, completed.id(), STATISTICIAN, out));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet cover = wb.getSheet("Cover");
            assertEquals(completed.snapshotHash(), cover.getRow(6).getCell(1).getStringCellValue());
            Sheet models = wb.getSheet("Models");
            List<Double> shown = new ArrayList<>();
            boolean inContrasts = false;
            for (Row row : models) {
                Cell label = row.getCell(1);
                if (label != null && label.getCellType() == CellType.STRING && label.getStringCellValue()
                        .equals("Contrast")) {
                    inContrasts = true;
                    continue;
                }
                if (inContrasts && (row.getCell(2) == null || row.getCell(2).getCellType() != CellType.NUMERIC)) {
                    break;
                }
                if (inContrasts) {
                    shown.add(row.getCell(2).getNumericCellValue());
                }
            }
            List<Double> expected = completed.results().estimates().stream()
                    .filter(e -> e.section().equals("contrast")).map(e -> e.estimate()).toList();
            assertEquals(expected, shown);
        }
    }

    @Test
    void listingsAndExportsMatchTheDatabaseAndBlindedCopiesHaveNoArm() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] counts = f.db().tx(() -> reports.listings(STUDY, CUTOFF, false, true, STATISTICIAN, out));
        assertEquals(7, counts.length);
        assertEquals(f.db().count("subject"), counts[0]);
        assertEquals(f.db().count("adverse_event"), counts[4]);
        long lines = f.db().tx(() -> f.db().em().createQuery("SELECT a FROM AuditRecord a WHERE a.seq < (SELECT"
                + " MAX(b.seq) FROM AuditRecord b)", AuditRecord.class).getResultStream()
                .mapToLong(a -> a.changes().size()).sum());
        assertEquals(lines, counts[6], "one line per audited field of every audit record but this download's,"
                + " which is recorded after it");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals("Audit trail", wb.getSheetName(6));
            for (String text : strings(wb)) {
                ARM_WORDS.forEach(w -> assertFalse(text.toLowerCase(Locale.ROOT).contains(w), text));
            }
        }
        ByteArrayOutputStream blindedCsv = new ByteArrayOutputStream();
        f.db().run(() -> reports.analysisCsv(STUDY, completed.id(), false, STATISTICIAN, blindedCsv));
        assertTrue(blindedCsv.toString(StandardCharsets.UTF_8).startsWith("subject_id,site,sex,week,"));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        f.db().run(() -> reports.analysisCsv(STUDY, completed.id(), true, STATISTICIAN, csv));
        assertTrue(csv.toString(StandardCharsets.UTF_8).startsWith("subject_id,site,arm,sex,week,"));
        ByteArrayOutputStream dm = new ByteArrayOutputStream();
        f.db().run(() -> reports.datasetJson(STUDY, completed.id(), "dm", false, STATISTICIAN, dm));
        String json = dm.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"datasetJSONVersion\": \"1.1.0\""));
        assertFalse(json.contains("ARMCD"));
        assertThrows(ValidationFailedException.class, () -> f.db().tx(() -> {
            reports.datasetJson(STUDY, completed.id(), "XX", true, STATISTICIAN, new ByteArrayOutputStream());
            return null;
        }));
        String script = f.db().tx(() -> reports.rScript(STUDY, completed.id(), STATISTICIAN));
        assertTrue(script.contains(ReportService.csvName(STUDY, completed.id())));
    }

    private long auditedDownloads() {
        return ((Number) f.db().tx(() -> f.db().em().createNativeQuery(
                "SELECT COUNT(*) FROM audit_record WHERE entity_type = 'Download' AND new_value LIKE 'file=%'")
                .getSingleResult())).longValue();
    }

    private static List<String> strings(XSSFWorkbook wb) {
        List<String> out = new ArrayList<>();
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        out.add(sheet.getSheetName() + ": " + cell.getStringCellValue());
                    }
                }
            }
        }
        return out;
    }
}
