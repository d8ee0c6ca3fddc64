package org.stimtrial.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stimtrial.demo.DemoLoader;
import org.stimtrial.demo.DemoStudyGenerator;
import org.stimtrial.persistence.Database;
import org.stimtrial.persistence.TestClock;
import org.stimtrial.subject.ScreeningEntry;
import org.stimtrial.subject.Sex;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.visit.AdverseEventService;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.VisitService;

/** The verify command on an H2 file database, before and after someone edits an audit row by hand. */
class VerifyAuditCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsAnIntactChainThenTheFirstAlteredRecord() {
        String url = "jdbc:h2:file:" + dir.resolve("trial");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("pw");
        TestClock clock = new TestClock(Instant.parse("2026-05-01T12:00:00Z"));
        try (Database db = new Database(ds)) {
            SubjectService subjects = new SubjectService(db.em(), clock);
            db.run(() -> new DemoLoader(db.em(), clock, subjects, new VisitService(db.em(), clock),
                    new UrineScreenService(db.em(), clock), new AdverseEventService(db.em(), clock))
                    .createStudy(DemoStudyGenerator.studySpec()));
            db.tx(() -> subjects.screen("STIM-301", new ScreeningEntry("S01-0001", "S01", Sex.M, 1980,
                    LocalDate.of(2026, 4, 1)), Actor.of("coordinator", Source.API)));
        }
        Map<String, String> env = Map.of("TRIAL_DB_URL", url, "TRIAL_DB_USER", "sa", "TRIAL_DB_PASSWORD", "pw");
        Run intact = run(env);
        assertEquals(0, intact.code, intact.err);
        assertTrue(intact.out.startsWith("Audit trail intact:"), intact.out);

        try (Database db = new Database(ds)) {
            db.sql("UPDATE audit_record SET username = 'someone-else' WHERE seq = 4");
        }
        Run broken = run(env);
        assertEquals(1, broken.code, broken.err);
        assertTrue(broken.out.contains("BROKEN at record 4"), broken.out);
    }

    @Test
    void explainsWhatIsMissingInsteadOfFailingWithATrace() {
        Run none = run(Map.of());
        assertEquals(2, none.code);
        assertTrue(none.err.contains("TRIAL_DB_URL"), none.err);
        Run unreadable = run(Map.of("TRIAL_DB_URL", "jdbc:h2:file:" + dir.resolve("absent") + ";IFEXISTS=TRUE"));
        assertEquals(2, unreadable.code);
        assertTrue(unreadable.err.startsWith("Cannot read the audit trail"), unreadable.err);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyAuditCommand.run(new String[0], env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
