package org.stimtrial.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stimtrial.integrations.mllp.MllpClient;

/**
 * A data manager uploads the documented example files: they land on the participant's visit with audit records of
 * source IMPORT; the same file again creates nothing; a bad record waits in quarantine until it is corrected. The
 * example laboratory message sent over MLLP lands on the visit held on its collection day and is acknowledged AA.
 */
@ExtendWith(PayaraMicroServer.class)
class ImportIT {
    private static final String STUDY = "/api/studies/STIM-301";
    private static final Api COORDINATOR = Api.as("coordinator", "demo-coordinator");
    private static final Api DATA_MANAGER = Api.as("datamanager", "demo-datamanager");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theExampleFilesLandOnceAndABadRecordIsQuarantinedUntilCorrected() throws Exception {
        String subject = "S01-IT05";
        LocalDate baseline = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        screenedWithBaseline(subject, baseline);
        assertEquals(200, COORDINATOR.put(STUDY + "/subjects/" + subject + "/visits/W01", "{\"status\":\"DONE\","
                + "\"date\":\"" + baseline.plusDays(6) + "\"}").status());

        String urine = example("urine-screens.csv") + "S01,S01-0000,BL,X-1," + baseline
                + "T09:30:00Z,SITE_POC,VALID,19343-3,NEGATIVE,500\n";
        HttpResponse<String> first = upload("URINE_SCREEN_CSV", urine);
        assertEquals(201, first.statusCode(), first.body());
        JsonObject batch = Api.Reply.parse(first.body()).asJsonObject();
        JsonObject counts = batch.getJsonObject("reconciliation");
        assertEquals(2, counts.getInt("received"));
        assertEquals(1, counts.getInt("accepted"), first.body());
        assertEquals(1, counts.getInt("quarantined"));

        HttpResponse<String> again = upload("URINE_SCREEN_CSV", urine);
        assertEquals(200, again.statusCode(), "a second delivery is acknowledged");
        assertEquals(batch.getInt("id"), Api.Reply.parse(again.body()).asJsonObject().getInt("id"));

        JsonObject bad = DATA_MANAGER.get(STUDY + "/imports/quarantine").json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(r -> r.getInt("batchId") == batch.getInt("id")).findFirst()
                .orElseThrow();
        assertTrue(bad.getString("reason").contains("S01-0000"), bad.toString());
        Api.Reply fixed = DATA_MANAGER.call("POST", STUDY + "/imports/records/" + bad.getInt("id") + "/correction",
                null);
        assertEquals(422, fixed.status(), "an empty correction");
        HttpResponse<String> corrected = send(HttpRequest.newBuilder(URI.create(PayaraMicroServer.baseUrl() + STUDY
                + "/imports/records/" + bad.getInt("id") + "/correction")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("S01," + subject + ",W01,X-1," + baseline.plusDays(6)
                        + "T09:30:00Z,SITE_POC,VALID,19343-3,NEGATIVE,500")));
        assertEquals(200, corrected.statusCode(), corrected.body());
        assertTrue(corrected.body().contains("\"CORRECTED\""), corrected.body());

        assertEquals(1, COORDINATOR.get(STUDY + "/subjects/" + subject + "/visits/BL/urine-screens").json()
                .asJsonArray().size());
        assertEquals(1, COORDINATOR.get(STUDY + "/subjects/" + subject + "/visits/W01/urine-screens").json()
                .asJsonArray().size());
        assertTrue(COORDINATOR.get(STUDY + "/subjects/" + subject + "/audit").body()
                .contains("\"source\":\"IMPORT\""));
        assertEquals(403, COORDINATOR.get(STUDY + "/imports").status(), "imports are for data managers");
        HttpResponse<String> wrongFormat = upload("XML", urine);
        assertEquals(422, wrongFormat.statusCode(), wrongFormat.body());
    }

    @Test
    void aFileDroppedIntoASiteInboxIsTakenInAndShownWithItsReconciliation() throws Exception {
        String subject = "S01-IT06";
        LocalDate baseline = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        screenedWithBaseline(subject, baseline);
        String name = "cravings-it06.csv";
        dropAndAwaitDone(PayaraMicroServer.importFolders().resolve("S01"), name, example("cravings.csv")
                .replace("S01-IT05", subject));
        JsonObject batch = DATA_MANAGER.get(STUDY + "/imports").json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(b -> b.getString("fileName").equals(name)).findFirst()
                .orElseThrow();
        assertEquals("SITE_FOLDER", batch.getString("channel"));
        assertEquals("S01", batch.getString("site"));
        assertEquals("PROCESSED", batch.getString("status"), batch.toString());
        assertEquals(1, batch.getJsonObject("reconciliation").getInt("accepted"), batch.toString());
        assertEquals(1, COORDINATOR.get(STUDY + "/subjects/" + subject + "/visits/BL/cravings").json().asJsonArray()
                .size());
        String health = Api.anonymous().get("/health").body();
        assertTrue(health.contains("\"import-routes\"") && health.contains("\"site-folders\":\"Started\""), health);
    }

    @Test
    void theExampleLabMessageSentOverMllpLandsOnTheVisitHeldThatDay() throws Exception {
        String subject = "S01-IT07";
        LocalDate baseline = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        screenedWithBaseline(subject, baseline);
        String day = baseline.toString().replace("-", "");
        byte[] message = example("lab-results.hl7").replace("S01-IT05", subject).replace("20261115", day)
                .replace("LAB-" + day + "-0001", "IT07-" + day).getBytes(StandardCharsets.UTF_8);
        try (MllpClient lab = new MllpClient(PayaraMicroServer.mllpPort(), 60_000)) {
            String ack = lab.send(message);
            assertTrue(ack.contains("MSA|AA|IT07-" + day + "|1 accepted"), ack);
            assertTrue(lab.send(message).contains("MSA|AA|IT07-" + day + "|already received"), "sent twice");
        }
        JsonObject screen = COORDINATOR.get(STUDY + "/subjects/" + subject + "/visits/BL/urine-screens").json()
                .asJsonArray().getJsonObject(0);
        assertEquals("LAB-778812", screen.getString("specimenId"));
        assertEquals("CENTRAL_LAB", screen.getString("source"));
        assertEquals(3, screen.getJsonArray("results").size());
        long batches = DATA_MANAGER.get(STUDY + "/imports").json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(b -> b.getString("fileName").equals("MSH-10 IT07-" + day))
                .count();
        assertEquals(1, batches, "one batch for the message sent twice");
        String health = Api.anonymous().get("/health").body();
        assertTrue(health.contains("\"lab-mllp\":\"Started\""), health);
    }

    @Test
    void theExampleEproFileLandsOnceAndTheOdmExportHoldsIt() throws Exception {
        String subject = "S01-IT08";
        LocalDate baseline = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        screenedWithBaseline(subject, baseline);
        String odm = example("epro-cravings.xml").replace("S01-IT05", subject).replace("EPRO-S01-20261115-0001",
                "EPRO-IT08");
        HttpResponse<String> first = upload("CRAVING_ODM", "application/xml", odm);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(1, Api.Reply.parse(first.body()).asJsonObject().getJsonObject("reconciliation")
                .getInt("accepted"), first.body());
        HttpResponse<String> resent = upload("CRAVING_ODM", "application/xml", odm.replace("<ClinicalData",
                "<!-- resent --><ClinicalData"));
        assertEquals(200, resent.statusCode(), "the same FileOID again: " + resent.body());
        JsonObject acq = COORDINATOR.get(STUDY + "/subjects/" + subject + "/visits/BL/cravings").json()
                .asJsonArray().getJsonObject(0);
        assertEquals("ACQ", acq.getString("instrument"));
        Api.Reply export = DATA_MANAGER.get(STUDY + "/exports/odm/cravings");
        assertEquals(200, export.status(), export.body());
        assertTrue(export.body().contains("<SubjectData SubjectKey=\"" + subject + "\">"), "the export has it");
        assertEquals(403, Api.as("sponsor", "demo-sponsor").get(STUDY + "/exports/odm/cravings").status());
        HttpResponse<String> attack = upload("CRAVING_ODM", "application/xml", "<?xml version=\"1.0\"?><!DOCTYPE"
                + " ODM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><ODM>&x;</ODM>");
        assertEquals(201, attack.statusCode(), "stored as received, then refused: " + attack.body());
        assertTrue(attack.body().contains("\"status\":\"REJECTED\"") && attack.body().contains("DOCTYPE"),
                attack.body());
    }

    @Test
    void aFileUploadedToTheSitesSftpDropIsFetchedAndMovedToDone() throws Exception {
        String subject = "S01-IT09";
        LocalDate baseline = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        screenedWithBaseline(subject, baseline);
        String name = "cravings-it09.csv";
        dropAndAwaitDone(PayaraMicroServer.sftpSites().resolve("S01"), name, example("cravings.csv")
                .replace("S01-IT05", subject));
        JsonObject batch = DATA_MANAGER.get(STUDY + "/imports").json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(b -> b.getString("fileName").equals(name)).findFirst()
                .orElseThrow();
        assertEquals("SFTP", batch.getString("channel"));
        assertEquals(1, batch.getJsonObject("reconciliation").getInt("accepted"), batch.toString());
        String health = Api.anonymous().get("/health").body();
        assertTrue(health.contains("\"site-sftp\":\"Started\""), health);
    }

    /**
     * Writes a file beside the site's inbox and moves it in (as a site's upload would finish), then waits at most
     * 60 s for the route to move it to the site's {@code done/} folder.
     */
    private static void dropAndAwaitDone(Path site, String name, String content) throws Exception {
        Path inbox = Files.createDirectories(site.resolve("inbox"));
        Path done = Files.createDirectories(site.resolve("done"));
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            done.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            Path staged = Files.writeString(site.resolve(name + ".part"), content);
            Files.move(staged, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            WatchKey key = watch.poll(60, TimeUnit.SECONDS);
            assertTrue(key != null, "the file was not moved to done/ within 60 s");
        }
    }

    /** A new participant of site S01 whose baseline visit is recorded as done on {@code baseline}. */
    private static void screenedWithBaseline(String subject, LocalDate baseline) throws Exception {
        assertEquals(201, COORDINATOR.post(STUDY + "/subjects", "{\"screeningNumber\":\"" + subject
                + "\",\"site\":\"S01\",\"sex\":\"F\",\"yearOfBirth\":1985,\"consentDate\":\""
                + baseline.minusDays(20) + "\"}").status());
        assertEquals(200, COORDINATOR.put(STUDY + "/subjects/" + subject + "/visits/BL", "{\"status\":\"DONE\","
                + "\"date\":\"" + baseline + "\"}").status());
    }

    private static String example(String name) throws Exception {
        Path file = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/examples/" + name);
        return Files.readString(file).replace("S01-0901", "S01-IT05")
                .replace("2026-11-15", LocalDate.now(ZoneOffset.UTC).minusDays(7).toString());
    }

    private static HttpResponse<String> upload(String format, String csv) throws Exception {
        return upload(format, "text/csv", csv);
    }

    private static HttpResponse<String> upload(String format, String contentType, String text) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(PayaraMicroServer.baseUrl() + STUDY + "/imports?format="
                + format + "&fileName=it")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        String auth = Base64.getEncoder().encodeToString("datamanager:demo-datamanager".getBytes(
                StandardCharsets.UTF_8));
        return HTTP.send(b.header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
