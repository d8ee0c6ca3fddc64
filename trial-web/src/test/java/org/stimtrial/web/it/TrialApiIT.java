package org.stimtrial.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployed application end to end over HTTP: health, demo data, edit checks, reasons for change, optimistic
 * locking, audit trail, roles, and problem bodies for every kind of bad request.
 */
@ExtendWith(PayaraMicroServer.class)
class TrialApiIT {
    private static final String STUDY = "/api/studies/STIM-301";
    private static final Api COORDINATOR = Api.as("coordinator", "demo-coordinator");
    private static final Api DATA_MANAGER = Api.as("datamanager", "demo-datamanager");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void healthIsUpWithTheSchemaMigrated() throws Exception {
        Api.Reply health = Api.anonymous().get("/health");
        assertEquals(200, health.status(), health.body());
        JsonObject body = health.json().asJsonObject();
        assertEquals("UP", body.getString("status"));
        assertTrue(health.body().contains("\"pendingMigrations\":\"0\""), health.body());
    }

    @Test
    void theDemoStudyListsItsSubjectsWithoutArms() throws Exception {
        Api.Reply subjects = DATA_MANAGER.get(STUDY + "/subjects");
        assertEquals(200, subjects.status(), subjects.body());
        JsonArray list = subjects.json().asJsonArray();
        assertTrue(list.size() >= 100, "demo subjects: " + list.size());
        JsonArray atS01 = COORDINATOR.get(STUDY + "/subjects").json().asJsonArray();
        assertTrue(atS01.size() > 5 && atS01.size() < list.size(), "the coordinator sees site S01: " + atS01.size());
        for (String armWord : List.of("bupropion", "modafinil", "baclofen", "placebo", "\"arm\"", "kit")) {
            assertFalse(subjects.body().toLowerCase().contains(armWord), armWord + " leaked into the subject list");
        }
        assertEquals(200, COORDINATOR.get(STUDY + "/subjects?site=S02&status=RANDOMIZED").status());
    }

    @Test
    void aVisitFormTravelsWithEditChecksReasonsVersionsAndAudit() throws Exception {
        String subject = "S01-IT01";
        Api.Reply screened = COORDINATOR.post(STUDY + "/subjects", "{\"screeningNumber\":\"" + subject
                + "\",\"site\":\"S01\",\"sex\":\"M\",\"yearOfBirth\":1988,\"consentDate\":\"" + TODAY.minusDays(40)
                + "\"}");
        assertEquals(201, screened.status(), screened.body());
        String base = STUDY + "/subjects/" + subject + "/visits/";
        String baseline = TODAY.minusDays(12).toString();
        assertEquals(200, COORDINATOR.put(base + "BL", "{\"status\":\"DONE\",\"date\":\"" + baseline + "\"}").status());

        Api.Reply tooHigh = COORDINATOR.post(base + "BL/cravings", vas(baseline, "120", null, null));
        assertEquals(422, tooHigh.status(), tooHigh.body());
        assertTrue(tooHigh.isProblem());
        JsonObject error = tooHigh.json().asJsonObject().getJsonArray("errors").getJsonObject(0);
        assertEquals("responses.vas", error.getString("field"));

        Api.Reply saved = COORDINATOR.post(base + "BL/cravings", vas(baseline, "72.5", null, null));
        assertEquals(201, saved.status(), saved.body());
        int version = saved.json().asJsonObject().getInt("version");

        Api.Reply noReason = COORDINATOR.put(base + "BL/cravings/VAS", vas(baseline, "62.5", version, null));
        assertEquals(422, noReason.status(), noReason.body());
        assertEquals("reason", noReason.json().asJsonObject().getJsonArray("errors").getJsonObject(0)
                .getString("field"));

        Api.Reply changed = COORDINATOR.put(base + "BL/cravings/VAS", vas(baseline, "62.5", version,
                "\"Transcription error\""));
        assertEquals(200, changed.status(), changed.body());

        Api.Reply stale = COORDINATOR.put(base + "BL/cravings/VAS", vas(baseline, "50", version, "\"late edit\""));
        assertEquals(409, stale.status(), stale.body());
        assertEquals(changed.json().asJsonObject().getInt("version"),
                stale.json().asJsonObject().getInt("currentVersion"));

        Api.Reply trail = COORDINATOR.get(STUDY + "/subjects/" + subject + "/audit");
        assertEquals(200, trail.status());
        JsonObject change = trail.json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("field").equals("responses.vas") && a.getString("action").equals("UPDATE"))
                .findFirst().orElseThrow();
        assertEquals("72.5", change.getString("oldValue"));
        assertEquals("62.5", change.getString("newValue"));
        assertEquals("Transcription error", change.getString("reason"));
        assertEquals("coordinator", change.getString("user"));
        assertEquals("API", change.getString("source"));

        Api.Reply verify = DATA_MANAGER.get("/api/audit/verify");
        assertEquals(200, verify.status(), verify.body());
        assertTrue(verify.json().asJsonObject().getBoolean("intact"), verify.body());
    }

    private static String vas(String date, String value, Integer version, String reasonJson) {
        return "{\"instrument\":\"VAS\",\"assessedOn\":\"" + date + "\",\"responses\":{\"vas\":" + value + "}"
                + (version == null ? "" : ",\"version\":" + version)
                + (reasonJson == null ? "" : ",\"reason\":" + reasonJson) + "}";
    }

    @Test
    void badRequestsGetProblemBodiesWithTheirStatus() throws Exception {
        String subjects = STUDY + "/subjects";
        assertProblem(400, COORDINATOR.post(subjects, "{\"screeningNumber\": "));
        assertProblem(400, COORDINATOR.post(subjects, "{\"screeningNumber\":\"X\",\"site\":\"S01\",\"sex\":\"F\","
                + "\"yearOfBirth\":\"nineteen\",\"consentDate\":\"2026-01-01\"}"));
        assertProblem(400, COORDINATOR.post(subjects, "{\"screeningNumber\":\"X\",\"armm\":1}"));
        Api.Reply empty = COORDINATOR.post(subjects, "{}");
        assertProblem(422, empty);
        assertTrue(empty.body().contains("screeningNumber"), empty.body());
        assertProblem(404, COORDINATOR.get(subjects + "/NO-SUCH-1"));
        assertProblem(404, COORDINATOR.get("/api/no-such-endpoint"));
        assertProblem(401, Api.anonymous().get(subjects));
        assertProblem(401, Api.as("coordinator", "wrong").get(subjects));
        assertProblem(403, Api.as("sponsor", "demo-sponsor").get(subjects));
        assertProblem(413, COORDINATOR.post(subjects, "{\"screeningNumber\":\"" + "x".repeat(1_200_000) + "\"}"));
        assertProblem(422, COORDINATOR.post(subjects, "{\"screeningNumber\":\"S01-IT99\",\"site\":\"S01\","
                + "\"sex\":\"Q\",\"yearOfBirth\":1990,\"consentDate\":\"2026-01-01\"}"));
        String atS01 = COORDINATOR.get(subjects).json().asJsonArray().getJsonObject(0).getString("screeningNumber");
        assertProblem(409, COORDINATOR.post(subjects + "/" + atS01 + "/status", "{\"status\":\"RANDOMIZED\","
                + "\"date\":\"" + TODAY.minusDays(1) + "\"}"));
    }

    private static void assertProblem(int status, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.isProblem(), "content type " + reply.contentType());
        JsonObject problem = reply.json().asJsonObject();
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.containsKey("type") && problem.containsKey("title") && problem.containsKey("detail"));
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), reply.body());
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        Api.Reply openapi = Api.anonymous().get("/openapi");
        assertEquals(200, openapi.status(), openapi.body());
        assertTrue(openapi.body().contains("/api/studies/{study}/subjects"), openapi.body());
    }
}
