package org.stimtrial.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly once across a crash: while the records of a large urine-screen file dropped into a site's inbox are being
 * applied (its progress shows records applied), the server is killed with SIGKILL; after the restart the server
 * completes the batch, and every record is there once: one batch, each specimen once, every record numbered once.
 */
@ExtendWith(PayaraMicroServer.class)
class CrashRecoveryIT {
    private static final String STUDY = "/api/studies/STIM-301";
    private static final Api COORDINATOR = Api.as("coordinator", "demo-coordinator");
    private static final Api DATA_MANAGER = Api.as("datamanager", "demo-datamanager");
    private static final int PARTICIPANTS = 20;
    private static final int UNKNOWN = 12_000;
    private static final String FILE = "urine-crash.csv";
    /** Bounds of each status poll (requests, each answered in milliseconds, and wall time). */
    private static final int MAX_POLLS = 50_000;
    private static final long MAX_POLL_MILLIS = 180_000;

    @Test
    void aKillDashNineWhileAFileIsAppliedIsCompletedAfterRestartWithEveryRecordOnce() throws Exception {
        LocalDate baseline = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        StringBuilder csv = new StringBuilder("site,screening_number,visit,specimen_id,collected_at,source,validity,"
                + "loinc,result,cutoff_ng_ml\n");
        for (int i = 1; i <= PARTICIPANTS; i++) {
            String subject = String.format("S01-K%03d", i);
            assertEquals(201, COORDINATOR.post(STUDY + "/subjects", "{\"screeningNumber\":\"" + subject
                    + "\",\"site\":\"S01\",\"sex\":\"M\",\"yearOfBirth\":1979,\"consentDate\":\""
                    + baseline.minusDays(20) + "\"}").status());
            assertEquals(200, COORDINATOR.put(STUDY + "/subjects/" + subject + "/visits/BL", "{\"status\":"
                    + "\"DONE\",\"date\":\"" + baseline + "\"}").status());
            csv.append("S01,").append(subject).append(",BL,KS-").append(i).append(',').append(baseline)
                    .append("T09:30:00Z,SITE_POC,VALID,19343-3,NEGATIVE,500\n");
        }
        for (int i = 1; i <= UNKNOWN; i++) {
            csv.append(String.format("S01,S01-U%05d,BL,US-%d,%sT09:30:00Z,SITE_POC,VALID,19343-3,NEGATIVE,500%n",
                    i, i, baseline));
        }
        Path site = PayaraMicroServer.importFolders().resolve("S01");
        Path inbox = Files.createDirectories(site.resolve("inbox"));
        Files.move(Files.writeString(site.resolve(FILE + ".part"), csv), inbox.resolve(FILE),
                StandardCopyOption.ATOMIC_MOVE);

        JsonObject stored = pollBatch(b -> b.getString("status").equals("RECEIVED")
                && b.getOrDefault("progress", JsonValue.NULL) instanceof JsonObject p && p.getInt("recordsApplied") > 0);
        JsonObject progress = stored.getJsonObject("progress");
        assertEquals(PARTICIPANTS + UNKNOWN, progress.getInt("recordsTotal"), stored.toString());
        assertTrue(progress.getInt("recordsApplied") < PARTICIPANTS + UNKNOWN, "killed in the middle: " + stored);
        Instant killed = Instant.now();
        PayaraMicroServer.killAndRestart();
        JsonObject done = pollBatch(b -> b.getString("status").equals("PROCESSED"));

        assertEquals(stored.getInt("id"), done.getInt("id"));
        assertEquals(1, batches().size(), "one batch for the file, also after the route took it again");
        assertTrue(OffsetDateTime.parse(done.getString("processedAt")).toInstant().isAfter(killed),
                "applied by the restarted server: " + done);
        JsonObject counts = done.getJsonObject("reconciliation");
        assertEquals(PARTICIPANTS + UNKNOWN, counts.getInt("received"), done.toString());
        assertEquals(PARTICIPANTS, counts.getInt("accepted"), done.toString());
        assertEquals(UNKNOWN, counts.getInt("quarantined"), done.toString());
        List<JsonObject> records = DATA_MANAGER.get(STUDY + "/imports/" + done.getInt("id") + "/records").json()
                .asJsonArray().stream().map(JsonValue::asJsonObject).toList();
        Set<Integer> numbers = new HashSet<>();
        records.forEach(r -> numbers.add(r.getInt("recordNo")));
        assertEquals(PARTICIPANTS + UNKNOWN, records.size());
        assertEquals(PARTICIPANTS + UNKNOWN, numbers.size(), "every record once");
        for (JsonObject r : records) {
            boolean accepted = r.getString("status").equals("ACCEPTED");
            assertEquals(accepted ? "PAYLOAD" : "RECORD", r.getString("rawFrom"), r.toString());
            assertTrue(r.getString("raw").startsWith(accepted ? "S01,S01-K" : "S01,S01-U"), r.toString());
        }
        for (int i = 1; i <= PARTICIPANTS; i++) {
            String subject = String.format("S01-K%03d", i);
            assertEquals(1, COORDINATOR.get(STUDY + "/subjects/" + subject + "/visits/BL/urine-screens").json()
                    .asJsonArray().size(), subject + ": one specimen");
        }
    }

    /** Asks for the crash file's batch until it matches; bounded by {@link #MAX_POLLS} and {@link #MAX_POLL_MILLIS}. */
    private static JsonObject pollBatch(Predicate<JsonObject> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + MAX_POLL_MILLIS;
        Optional<JsonObject> last = Optional.empty();
        for (int i = 0; i < MAX_POLLS && System.currentTimeMillis() < deadline; i++) {
            List<JsonObject> found = batches();
            last = found.stream().findFirst();
            if (last.isPresent() && wanted.test(last.get())) {
                return last.get();
            }
        }
        throw new AssertionError("the batch of " + FILE + " did not reach the state looked for: " + last);
    }

    private static List<JsonObject> batches() throws Exception {
        Api.Reply reply = DATA_MANAGER.get(STUDY + "/imports");
        if (reply.status() != 200) {
            return List.of();
        }
        return reply.json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(b -> b.getString("fileName").equals(FILE)).toList();
    }
}
