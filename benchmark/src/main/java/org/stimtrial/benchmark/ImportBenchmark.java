package org.stimtrial.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.Source;
import org.stimtrial.demo.DemoLoader;
import org.stimtrial.demo.DemoStudyGenerator;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.imports.ImportFormat;
import org.stimtrial.imports.ImportService;
import org.stimtrial.imports.ImportViews.BatchView;
import org.stimtrial.imports.ImportViews.Ingested;
import org.stimtrial.imports.ImportViews.Receipt;
import org.stimtrial.integrations.GroupCommit;
import org.stimtrial.integrations.mllp.LabResultsMllpRoute;
import org.stimtrial.integrations.platform.CamelBootstrap;
import org.stimtrial.subject.ScreeningEntry;
import org.stimtrial.subject.Sex;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.visit.Analyte;
import org.stimtrial.visit.AdverseEventService;
import org.stimtrial.visit.FormEntries.VisitEntry;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.VisitService;
import org.stimtrial.visit.VisitStatus;

/**
 * The import benchmark, on an embedded PostgreSQL: (1) HL7 ORU^R01 messages sent over MLLP by several clients, each
 * waiting for its ACK, through the real route and pipeline (stored, parsed, applied with audit records, committed,
 * acknowledged); the results come visit by visit across the participants, as a laboratory's daily results do (one
 * participant's specimens of 12 weeks do not arrive one after another); (2) urine-screen CSV files of 100,000 rows
 * through the pipeline, after warm-up files of the same size until the JIT compilers settle: five measured files by
 * default ({@value #CSV_FILES_PROPERTY}), whose median rate is held against the goal. Each part ends with the
 * counts in the database, which must equal what was sent, and a second delivery of what was sent, which must add
 * nothing. Arguments: messages (0 runs the CSV part alone), clients, rows (0 runs the HL7 part alone).
 */
public final class ImportBenchmark {
    static final String STUDY = "STIM-301";
    private static final Actor SETUP = Actor.of("benchmark", Source.SYSTEM);
    private static final DateTimeFormatter HL7_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int WEEKS = 12;
    private static final int SCREENS_PER_WEEK = 2;
    private static final long TIME_LIMIT_SECONDS = 600;
    /** Messages of one warm-up round, and the most rounds before the measured run. */
    private static final int WARM_UP_ROUND = 2_000;
    private static final int MAX_WARM_UP_ROUNDS = 20;
    /**
     * The JIT compilers' share of a round's time below which a round counts as quiet, and the consecutive quiet rounds
     * after which the server counts as warm. One quiet round was not enough: the methods run once per group (a few
     * thousand times in the warm-up) were still reaching C2 in the measured run, 2.7 s of compiler time in 11 s.
     */
    private static final double SETTLED_COMPILATION_SHARE = 0.10;
    private static final int QUIET_ROUNDS = 2;
    /**
     * The most CSV warm-up files before the measured one. They are as long as it: code that runs once per write of
     * 500 records is compiled by C2 only once its loops have run long enough, which shorter files did not do.
     */
    private static final int MAX_CSV_WARM_UP_FILES = 3;
    /**
     * Set to {@code false} to send the measured CSV files to a server that has not written a checkpoint since it
     * started ({@link BenchmarkDatabase#checkpoint}); by default one is written before each measured file.
     */
    static final String CHECKPOINT_PROPERTY = "benchmark.csv.checkpoint";
    /**
     * The number of measured CSV files, each with participants of its own, after the warm-up: one file's rate varied
     * by a fifth from run to run on this virtual machine, so the goal is judged on the median of several.
     */
    static final String CSV_FILES_PROPERTY = "benchmark.csv.files";
    private static final int DEFAULT_CSV_FILES = 5;
    private static final double CSV_GOAL = 50_000;
    /** How long the JIT compilers must stay idle after a CSV warm-up file, and the longest wait for that. */
    private static final Duration QUIET_COMPILERS = Duration.ofMillis(500);
    private static final Duration MAX_QUIET_WAIT = Duration.ofSeconds(30);
    /** Participants set up in one transaction. */
    private static final int PARTICIPANTS_PER_TRANSACTION = 25;

    private final BenchmarkDatabase db;
    private final Clock clock = Clock.systemUTC();
    private final LocalDate baseline = LocalDate.now(clock).minusDays(7L * WEEKS + 14);

    private ImportBenchmark(BenchmarkDatabase db) {
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        try (BenchmarkDatabase db = new BenchmarkDatabase()) {
            ImportBenchmark benchmark = new ImportBenchmark(db);
            benchmark.createStudy();
            boolean ok = (messages == 0 || benchmark.hl7(messages, clients)) & (rows == 0 || benchmark.csv(rows));
            System.out.println(ok ? "import benchmark: all counts check out" : "import benchmark: COUNTS DIFFER");
            if (!ok) {
                System.exit(1);
            }
        }
    }

    private void createStudy() {
        SubjectService subjects = new SubjectService(db.em(), clock);
        VisitService visits = new VisitService(db.em(), clock);
        DemoLoader loader = new DemoLoader(db.em(), clock, subjects, visits, new UrineScreenService(db.em(), clock),
                new AdverseEventService(db.em(), clock));
        db.tx(() -> {
            loader.createStudy(DemoStudyGenerator.studySpec());
            return null;
        });
    }

    /**
     * Participants of site S01 with baseline and weeks 1-12 held; each week takes two urine specimens. Each
     * participant's entities are written and forgotten before the next's, so that every query's flush does not
     * compare all the entities of the transaction.
     */
    private List<String> participants(String prefix, int count) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(String.format(Locale.ROOT, "S01-%s%05d", prefix, i));
        }
        for (int from = 0; from < count; from += PARTICIPANTS_PER_TRANSACTION) {
            List<String> some = numbers.subList(from, Math.min(count, from + PARTICIPANTS_PER_TRANSACTION));
            db.tx(() -> {
                SubjectService subjects = new SubjectService(db.em(), clock);
                VisitService visits = new VisitService(db.em(), clock);
                for (String number : some) {
                    subjects.screen(STUDY, new ScreeningEntry(number, "S01", Sex.F, 1985, baseline.minusDays(10)),
                            SETUP);
                    visits.recordVisit(STUDY, number, "BL", new VisitEntry(VisitStatus.DONE, baseline), null, null,
                            SETUP);
                    for (int w = 1; w <= WEEKS; w++) {
                        visits.recordVisit(STUDY, number, week(w), new VisitEntry(VisitStatus.DONE,
                                baseline.plusWeeks(w)), null, null, SETUP);
                    }
                    db.em().flush();
                    db.em().clear();
                }
                return null;
            });
        }
        return numbers;
    }

    private static String week(int w) {
        return String.format(Locale.ROOT, "W%02d", w);
    }

    private Ingested ingest(Delivery delivery, byte[] content) {
        ImportService imports = new ImportService(db.em(), clock);
        Receipt receipt = db.tx(() -> imports.receive(delivery, content));
        return new Ingested(receipt.duplicate(), db.tx(() -> imports.process(receipt.batchId(), content)));
    }

    private boolean hl7(int messages, int clients) throws Exception {
        int warmUpMost = WARM_UP_ROUND * MAX_WARM_UP_ROUNDS;
        int slots = WEEKS * SCREENS_PER_WEEK;
        long started = System.nanoTime();
        List<String> numbers = participants("H", (warmUpMost + messages + slots - 1) / slots);
        System.out.printf(Locale.ROOT, "HL7 set-up: %d participants in %.1f s%n", numbers.size(),
                (System.nanoTime() - started) / 1e9);
        List<byte[]> all = new ArrayList<>();
        for (int k = 0; k < warmUpMost + messages; k++) {
            int participant = k % numbers.size();
            int specimen = k / numbers.size();
            all.add(oru(numbers.get(participant), 1 + specimen / SCREENS_PER_WEEK, specimen % SCREENS_PER_WEEK, k));
        }
        CamelContext camel = new DefaultCamelContext();
        int port = MllpLoad.freePort();
        GroupTimes groups = new GroupTimes();
        GroupCommit groupCommit = new GroupCommit(groups.timing((group, beforeCommit) -> db.tx(() ->
                new ImportService(db.em(), clock).ingestAll(group, beforeCommit))), this::ingest,
                CamelBootstrap.LAB_GROUP_MAX, CamelBootstrap.LAB_COMMITTERS, Thread::new);
        camel.addRoutes(new LabResultsMllpRoute("127.0.0.1", port, STUDY, groupCommit, clock));
        camel.start();
        try {
            WarmUp warm = warmUp(port, all, clients);
            db.statements().ifPresent(PgStatements::reset);
            groups.reset();
            CpuUse cpu = CpuUse.now();
            MllpLoad.Result run = MllpLoad.send(port, all.subList(warm.sent(), warm.sent() + messages), clients,
                    TIME_LIMIT_SECONDS);
            String cpuUse = CpuUse.since(cpu);
            System.out.printf(Locale.ROOT, "HL7 over MLLP into PostgreSQL: %d messages (after %d warm-up), %d"
                    + " clients: %.1f s, %.0f messages/s (goal >= 1000); ACK latency median %.1f ms, p95 %.1f ms;"
                    + " not AA: %d%n", run.sent(), warm.sent(), clients, run.seconds(), run.sent() / run.seconds(),
                    run.medianMillis(), run.p95Millis(), warm.notAccepted() + run.notAccepted());
            System.out.println("HL7 processor time: " + cpuUse);
            System.out.println("HL7 group commit: " + groups.summary());
            db.statements().ifPresent(st -> System.out.println(st.report("message", run.sent())));
            long sent = warm.sent() + run.sent();
            long before = db.count("SELECT COUNT(*) FROM audit_record");
            MllpLoad.Result again = MllpLoad.send(port, all.subList(0, Math.min(200, all.size())), clients,
                    TIME_LIMIT_SECONDS);
            long batches = db.count("SELECT COUNT(*) FROM import_batch WHERE format = 'HL7_ORU_R01'");
            long specimens = db.count("SELECT COUNT(*) FROM urine_drug_screen WHERE specimen_id LIKE 'H-%'");
            long results = db.count("SELECT COUNT(*) FROM uds_analyte_result r JOIN urine_drug_screen s"
                    + " ON s.id = r.screen_id WHERE s.specimen_id LIKE 'H-%'");
            boolean ok = batches == sent && specimens == sent && results == 3 * sent && warm.notAccepted() == 0
                    && run.notAccepted() == 0 && again.notAccepted() == 0
                    && before == db.count("SELECT COUNT(*) FROM audit_record");
            System.out.printf(Locale.ROOT, "HL7 counts: sent %d, batches %d, specimens %d, analyte results %d"
                    + " (expected %d); %d sent again: %s%n", sent, batches, specimens, results, 3 * sent,
                    again.sent(), before == db.count("SELECT COUNT(*) FROM audit_record") ? "nothing added"
                            : "AUDIT RECORDS ADDED");
            return ok;
        } finally {
            camel.stop();
            groupCommit.close();
        }
    }

    /** What the warm-up sent, and how many of those were not accepted. */
    private record WarmUp(int sent, long notAccepted) {
    }

    /**
     * Sends rounds of messages until the JIT compilers take less than {@link #SETTLED_COMPILATION_SHARE} of the time of
     * {@link #QUIET_ROUNDS} rounds in a row (a laboratory link runs for months, so the figure is that of a compiled
     * server), or the most rounds.
     */
    private static WarmUp warmUp(int port, List<byte[]> all, int clients) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int sent = 0;
        long notAccepted = 0;
        int quiet = 0;
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS && quiet < QUIET_ROUNDS; round++) {
            long compiledBefore = jit.getTotalCompilationTime();
            MllpLoad.Result r = MllpLoad.send(port, all.subList(sent, sent + WARM_UP_ROUND), clients,
                    TIME_LIMIT_SECONDS);
            sent += r.sent();
            notAccepted += r.notAccepted();
            double share = (jit.getTotalCompilationTime() - compiledBefore) / (r.seconds() * 1000);
            System.out.printf(Locale.ROOT, "HL7 warm-up round %d: %.0f messages/s, JIT compilers busy %.0f%% of the"
                    + " time%n", round, r.sent() / r.seconds(), 100 * share);
            quiet = share < SETTLED_COMPILATION_SHARE ? quiet + 1 : 0;
        }
        return new WarmUp(sent, notAccepted);
    }

    private byte[] oru(String number, int week, int slot, int k) {
        String day = HL7_DAY.format(baseline.plusWeeks(week));
        return ("MSH|^~\\&|CENTRAL-LAB|BENCHLAB|STIMTRIAL|STIM-301|" + day + "1200||ORU^R01^ORU_R01|BM-" + k
                + "|P|2.5.1\rPID|1||" + number + "\rOBR|1||H-" + k + "||||" + day + "093" + slot + "\r"
                + "OBX|1|CWE|19343-3^^LN||260415000^Not detected^SCT||<500||||F\r"
                + "OBX|2|CWE|19554-5^^LN||260373001^Detected^SCT||<500||||F\r"
                + "OBX|3|NM|16235-4^^LN||1840|ng/mL|<250||||F\r").getBytes(StandardCharsets.UTF_8);
    }

    private boolean csv(int rows) throws InterruptedException {
        int measuredFiles = Integer.getInteger(CSV_FILES_PROPERTY, DEFAULT_CSV_FILES);
        if (measuredFiles < 1) {
            throw new IllegalArgumentException("-D" + CSV_FILES_PROPERTY + " must be at least 1, not "
                    + measuredFiles);
        }
        int perParticipant = WEEKS * SCREENS_PER_WEEK * Analyte.values().length;
        int fileParticipants = (rows + perParticipant - 1) / perParticipant;
        long started = System.nanoTime();
        List<String> warmUpNumbers = participants("V", fileParticipants * MAX_CSV_WARM_UP_FILES);
        List<String> numbers = participants("C", fileParticipants * measuredFiles);
        System.out.printf(Locale.ROOT, "CSV set-up: %d participants in %.1f s%n", warmUpNumbers.size()
                + numbers.size(), (System.nanoTime() - started) / 1e9);
        List<CsvFile> warmUpFiles = new ArrayList<>();
        for (int file = 1; file <= MAX_CSV_WARM_UP_FILES; file++) {
            warmUpFiles.add(csvFile(warmUpNumbers.subList((file - 1) * fileParticipants,
                    file * fileParticipants), "V" + file + "-", rows));
        }
        List<CsvFile> measured = new ArrayList<>();
        for (int file = 1; file <= measuredFiles; file++) {
            measured.add(csvFile(numbers.subList((file - 1) * fileParticipants, file * fileParticipants),
                    measuredPrefix(file), rows));
        }
        if (!warmUp(warmUpFiles, rows)) {
            return false;
        }
        db.statements().ifPresent(PgStatements::reset);
        List<CsvRun> runs = new ArrayList<>();
        for (int file = 1; file <= measuredFiles; file++) {
            if (Boolean.parseBoolean(System.getProperty(CHECKPOINT_PROPERTY, "true"))) {
                db.checkpoint();
            }
            CsvRun run = send(measured.get(file - 1));
            runs.add(run);
            System.out.printf(Locale.ROOT, "CSV into PostgreSQL, file %d of %d: %d rows (%.1f MB, %d specimens):"
                    + " stored in %.2f s, applied in %.2f s, total %.2f s = %.0f rows/s; JIT compilers busy %.0f%%"
                    + " of the time%n", file, measuredFiles, rows, run.content().length / 1e6, run.specimens(),
                    run.storedSeconds(), run.seconds() - run.storedSeconds(), run.seconds(), rows / run.seconds(),
                    100 * run.compilingSeconds() / run.seconds());
            System.out.println("CSV processor time, file " + file + ": " + run.cpuUse());
        }
        double[] rates = runs.stream().mapToDouble(r -> rows / r.seconds()).sorted().toArray();
        double median = rates.length % 2 == 1 ? rates[rates.length / 2]
                : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "CSV into PostgreSQL: median %.0f rows/s of %d files of %d rows (min %.0f,"
                + " max %.0f); goal >= 50000: %s (judged on the median)%n", median, rates.length, rows, rates[0],
                rates[rates.length - 1], median >= CSV_GOAL ? "met" : "NOT met");
        db.statements().ifPresent(st -> System.out.println(st.report("1,000 rows",
                (long) rows * measuredFiles / 1000)));
        boolean ok = true;
        for (int file = 1; file <= measuredFiles; file++) {
            ok &= counted(runs.get(file - 1), measuredPrefix(file), rows);
        }
        return ok;
    }

    /** The specimen ids' prefix of measured file {@code file}. */
    private static String measuredPrefix(int file) {
        return "C" + file + "-";
    }

    /**
     * Sends the warm-up files until a file's JIT compilation share is low (at most {@link #MAX_CSV_WARM_UP_FILES});
     * false if a file was not wholly accepted.
     */
    private boolean warmUp(List<CsvFile> files, int rows) throws InterruptedException {
        for (int file = 1; file <= files.size(); file++) {
            CsvRun warm = send(files.get(file - 1));
            double share = warm.compilingSeconds() / warm.seconds();
            double quiet = CompilerQueue.awaitQuiet(QUIET_COMPILERS, MAX_QUIET_WAIT);
            System.out.printf(Locale.ROOT, "CSV warm-up file %d: %d rows, %.0f rows/s, JIT compilers busy %.0f%% of"
                    + " the time; their queue took %.1f s more to drain%n", file, rows, rows / warm.seconds(),
                    100 * share, quiet);
            if (warm.batch().reconciliation().accepted() != warm.specimens()) {
                System.out.println("CSV warm-up: NOT EVERY SPECIMEN ACCEPTED " + warm.batch().reconciliation());
                return false;
            }
            if (share < SETTLED_COMPILATION_SHARE) {
                break;
            }
        }
        return true;
    }

    /**
     * Whether a measured file's results are all stored once, its specimens all accepted, and its second delivery a
     * duplicate that adds no audit record.
     */
    private boolean counted(CsvRun run, String prefix, int rows) {
        long stored = db.count("SELECT COUNT(*) FROM uds_analyte_result r JOIN urine_drug_screen s"
                + " ON s.id = r.screen_id WHERE s.specimen_id LIKE '" + prefix + "%'");
        long before = db.count("SELECT COUNT(*) FROM audit_record");
        ImportService imports = new ImportService(db.em(), clock);
        Receipt again = db.tx(() -> imports.receive(run.delivery(), run.content()));
        boolean ok = stored == rows && run.batch().reconciliation().accepted() == run.specimens() && again.duplicate()
                && before == db.count("SELECT COUNT(*) FROM audit_record");
        System.out.printf(Locale.ROOT, "CSV counts, %s: %s; analyte results stored %d (expected %d); sent again:"
                + " %s%n", run.delivery().fileName(), run.batch().reconciliation(), stored, rows,
                again.duplicate() ? "duplicate, nothing added" : "NOT RECOGNISED");
        return ok;
    }

    /** A urine-screen file to send: its delivery, its bytes and the specimens in it. */
    private record CsvFile(Delivery delivery, byte[] content, int specimens) {
    }

    /**
     * One urine-screen file through the pipeline: what was sent, how long storing it and the whole took, the JIT
     * compilers' time in it and the processor time.
     */
    private record CsvRun(Delivery delivery, byte[] content, int specimens, BatchView batch, double storedSeconds,
                          double seconds, double compilingSeconds, String cpuUse) {
    }

    /**
     * A file of {@code rows} rows, ten analytes a specimen, two specimens a week at weeks 1-12 of each participant in
     * turn. Every file is written before the first is sent, so that the JIT compilers' work on writing them is not
     * counted in a measured file.
     */
    private CsvFile csvFile(List<String> numbers, String specimenPrefix, int rows) {
        int analytes = Analyte.values().length;
        StringBuilder csv = new StringBuilder("site,screening_number,visit,specimen_id,collected_at,source,validity,"
                + "loinc,result,cutoff_ng_ml\n");
        int specimens = 0;
        for (int r = 0; r < rows; r++) {
            int specimen = r / analytes;
            int participant = specimen / (WEEKS * SCREENS_PER_WEEK);
            int week = 1 + (specimen % (WEEKS * SCREENS_PER_WEEK)) / SCREENS_PER_WEEK;
            specimens = specimen + 1;
            csv.append("S01,").append(numbers.get(participant)).append(',').append(week(week)).append(',')
                    .append(specimenPrefix).append(specimen).append(',').append(baseline.plusWeeks(week))
                    .append("T16:30:00Z,CENTRAL_LAB,VALID,").append(Analyte.values()[r % analytes].loinc())
                    .append(",NEGATIVE,250\n");
        }
        Delivery delivery = new Delivery(STUDY, ImportChannel.UPLOAD, ImportFormat.URINE_SCREEN_CSV,
                Optional.of("S01"), "benchmark-" + specimenPrefix.replace("-", "") + ".csv", "benchmark");
        return new CsvFile(delivery, csv.toString().getBytes(StandardCharsets.UTF_8), specimens);
    }

    /** Sends a file as a data manager's upload: stored in one transaction, applied in the next. */
    private CsvRun send(CsvFile file) {
        ImportService imports = new ImportService(db.em(), clock);
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiledBefore = jit.getTotalCompilationTime();
        CpuUse cpu = CpuUse.now();
        long t0 = System.nanoTime();
        Receipt receipt = db.tx(() -> imports.receive(file.delivery(), file.content()));
        long t1 = System.nanoTime();
        BatchView batch = db.tx(() -> imports.process(receipt.batchId(), file.content()));
        long t2 = System.nanoTime();
        String cpuUse = CpuUse.since(cpu);
        return new CsvRun(file.delivery(), file.content(), file.specimens(), batch, (t1 - t0) / 1e9,
                (t2 - t0) / 1e9, (jit.getTotalCompilationTime() - compiledBefore) / 1000.0, cpuUse);
    }
}
