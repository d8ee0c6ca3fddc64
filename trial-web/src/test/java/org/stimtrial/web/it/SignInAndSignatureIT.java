package org.stimtrial.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in over HTTP: the login form and its session, bearer tokens, lockout and its lifting, sign-ins in the audit
 * trail, and an investigator's electronic signature that a later change invalidates.
 */
@ExtendWith(PayaraMicroServer.class)
class SignInAndSignatureIT {
    private static final String STUDY = "/api/studies/STIM-301";
    private static final Api COORDINATOR = Api.as("coordinator", "demo-coordinator");
    private static final Api INVESTIGATOR = Api.as("investigator", "demo-investigator");
    private static final Api DATA_MANAGER = Api.as("datamanager", "demo-datamanager");
    private static final Api ADMIN = Api.as("admin", "demo-admin");

    @Test
    void theLoginFormOpensASessionForTheUiButNeverForTheApi() throws Exception {
        BrowserSession browser = new BrowserSession();
        BrowserSession.Page asked = browser.get("/app/home.xhtml");
        assertEquals(302, asked.status());
        assertTrue(asked.location().endsWith("/login.xhtml"), asked.location());

        BrowserSession.Page form = browser.get("/login.xhtml");
        assertEquals(200, form.status(), form.body());
        BrowserSession.Page refused = browser.submit("/login.xhtml", form, "login",
                Map.of("username", "coordinator", "password", "wrong"), "signIn");
        assertEquals(200, refused.status());
        assertTrue(refused.body().contains("Sign-in failed"), refused.body());

        BrowserSession.Page in = browser.submit("/login.xhtml", refused, "login",
                Map.of("username", "coordinator", "password", "demo-coordinator"), "signIn");
        assertEquals(302, in.status(), in.body());
        assertTrue(in.location().endsWith("/app/home.xhtml"), "back to the page asked for: " + in.location());
        BrowserSession.Page home = browser.get("/app/home.xhtml");
        assertEquals(200, home.status());
        assertTrue(home.body().contains("Casey Coordinator"), home.body());
        assertTrue(home.body().contains("STIM-301/S01"), home.body());

        assertEquals(401, browser.get(STUDY + "/subjects").status(), "the API ignores the session cookie");

        BrowserSession.Page out = browser.submit("/app/home.xhtml", home, "logout", Map.of(), "signOut");
        assertEquals(302, out.status(), out.body());
        assertTrue(out.location().contains("/login.xhtml?loggedOut=true"), out.location());
        assertEquals(302, browser.get("/app/home.xhtml").status(), "signed out");

        List<String> events = loginEvents("coordinator");
        assertTrue(events.contains("logout"), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("failure: wrong password")), events.toString());
    }

    @Test
    void aBearerTokenActsForItsOwnerUntilRevoked() throws Exception {
        Api.Reply issued = COORDINATOR.post("/api/tokens", "{\"label\":\"IT script\",\"validHours\":1}");
        assertEquals(201, issued.status(), issued.body());
        JsonObject token = issued.json().asJsonObject();
        Api script = Api.bearer(token.getString("token"));
        Api.Reply subjects = script.get(STUDY + "/subjects");
        assertEquals(200, subjects.status(), subjects.body());
        assertEquals(COORDINATOR.get(STUDY + "/subjects").body(), subjects.body(), "the owner's sites, no more");

        Api.Reply listed = COORDINATOR.get("/api/tokens");
        assertFalse(listed.body().contains(token.getString("token")), "the token text is shown only once");
        assertEquals(404, DATA_MANAGER.delete("/api/tokens/" + token.getJsonNumber("id").longValue()).status(),
                "another user's token");
        assertEquals(204, script.delete("/api/tokens/" + token.getJsonNumber("id").longValue()).status());
        Api.Reply revoked = script.get(STUDY + "/subjects");
        assertEquals(401, revoked.status());
        assertTrue(revoked.isProblem());
        assertEquals(401, Api.bearer("stt_made-up").get(STUDY + "/subjects").status());
    }

    @Test
    void fiveFailuresLockAnAccountUntilAnAdministratorLiftsTheLock() throws Exception {
        Api wrong = Api.as("sponsor", "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, wrong.get("/api/studies").status());
        }
        Api sponsor = Api.as("sponsor", "demo-sponsor");
        assertEquals(401, sponsor.get("/api/studies").status(), "locked: the right password is refused");
        assertEquals(403, COORDINATOR.post("/api/users/sponsor/unlock", "{\"reason\":\"x\"}").status());
        assertEquals(422, ADMIN.post("/api/users/sponsor/unlock", "{}").status());
        assertEquals(204, ADMIN.post("/api/users/sponsor/unlock", "{\"reason\":\"identity confirmed by phone\"}")
                .status());
        assertEquals(200, sponsor.get("/api/studies").status());

        List<String> events = loginEvents("sponsor");
        assertTrue(events.stream().anyMatch(e -> e.startsWith("account locked until")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("rejected: account locked")), events.toString());
        assertEquals("success", events.get(0), events.toString());
        assertEquals(403, COORDINATOR.get("/api/audit/logins").status());
    }

    @Test
    void anInvestigatorsSignatureIsInvalidatedByALaterChangeAndCanBeGivenAgain() throws Exception {
        String[] target = visitWithCraving();
        String subject = target[0];
        String visit = target[1];
        String signatures = STUDY + "/subjects/" + subject + "/signatures";
        String sign = "{\"visit\":\"" + visit + "\",\"meaning\":\"REVIEWED_AND_APPROVED\",\"password\":\"%s\"}";

        assertEquals(403, INVESTIGATOR.post(signatures, sign.formatted("wrong")).status());
        assertEquals(403, COORDINATOR.post(signatures, sign.formatted("demo-coordinator")).status(),
                "only investigators sign");
        assertEquals(422, INVESTIGATOR.post(signatures, "{\"visit\":\"" + visit
                + "\",\"meaning\":\"LIKED\",\"password\":\"demo-investigator\"}").status());
        Api.Reply signed = INVESTIGATOR.post(signatures, sign.formatted("demo-investigator"));
        assertEquals(201, signed.status(), signed.body());
        JsonObject s = signed.json().asJsonObject();
        assertEquals("Ines Investigator (demo, site S01)", s.getString("printedName"));
        assertEquals("Reviewed and approved", s.getString("meaningText"));
        assertEquals("VALID", s.getString("status"));

        String cravings = STUDY + "/subjects/" + subject + "/visits/" + visit + "/cravings";
        JsonObject craving = COORDINATOR.get(cravings).json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("instrument").equals("VAS")).findFirst().orElseThrow();
        String changed = "{\"instrument\":\"VAS\",\"assessedOn\":\"" + craving.getString("assessedOn")
                + "\",\"responses\":{\"vas\":" + (craving.getJsonObject("responses").getJsonNumber("vas").intValue()
                == 50 ? 51 : 50) + "},\"version\":" + craving.getInt("version")
                + ",\"reason\":\"corrected from the source document\"}";
        Api.Reply put = COORDINATOR.put(cravings + "/VAS", changed);
        assertEquals(200, put.status(), put.body());

        JsonObject now = INVESTIGATOR.get(signatures).json().asJsonArray().getJsonObject(0);
        assertEquals("INVALIDATED", now.getString("status"), now.toString());
        assertEquals("corrected from the source document", now.getJsonObject("invalidation").getString("reason"));
        assertEquals(201, INVESTIGATOR.post(signatures, sign.formatted("demo-investigator")).status());
        JsonArray all = COORDINATOR.get(signatures).json().asJsonArray();
        assertEquals("VALID", all.getJsonObject(0).getString("status"));
        assertEquals("INVALIDATED", all.getJsonObject(1).getString("status"));
    }

    /** A participant of site S01 and a visit of theirs with a VAS entered. */
    private static String[] visitWithCraving() throws Exception {
        for (JsonValue v : INVESTIGATOR.get(STUDY + "/subjects").json().asJsonArray()) {
            String number = v.asJsonObject().getString("screeningNumber");
            for (JsonValue visit : INVESTIGATOR.get(STUDY + "/subjects/" + number + "/visits").json().asJsonArray()) {
                String code = visit.asJsonObject().getString("code");
                Api.Reply cravings = INVESTIGATOR.get(STUDY + "/subjects/" + number + "/visits/" + code
                        + "/cravings");
                if (cravings.status() == 200 && cravings.body().contains("\"VAS\"")) {
                    return new String[] {number, code};
                }
            }
        }
        throw new AssertionError("no S01 participant with a VAS in the demo data");
    }

    private static List<String> loginEvents(String user) throws Exception {
        Api.Reply r = DATA_MANAGER.get("/api/audit/logins?user=" + user + "&limit=50");
        assertEquals(200, r.status(), r.body());
        return r.json().asJsonArray().stream().map(e -> e.asJsonObject().getString("newValue")).toList();
    }

    @Test
    void aFormPostedWithoutThePagesViewStateChangesNothing() throws Exception {
        BrowserSession browser = new BrowserSession();
        BrowserSession.Page form = browser.get("/login.xhtml");
        browser.submit("/login.xhtml", form, "login", Map.of("username", "coordinator", "password",
                "demo-coordinator"), "signIn");
        BrowserSession.Page screen = browser.get("/app/screen.xhtml");
        assertEquals(200, screen.status(), screen.body());
        Map<String, String> fields = Map.of("screen:site", "S01", "screen:number", "S01-0666", "screen:sex", "M",
                "screen:yob", "1980", "screen:consent", "2026-11-01");
        BrowserSession.Page forged = browser.submit("/app/screen.xhtml", "-4242424242424242424:1", "screen", fields,
                "screen:save");
        assertFalse(forged.location().contains("subject.xhtml"), "a forged view state must not screen anyone");
        assertEquals(404, COORDINATOR.get(STUDY + "/subjects/S01-0666").status(), "nothing was saved");

        BrowserSession.Page real = browser.submit("/app/screen.xhtml", screen, "screen", fields, "screen:save");
        assertEquals(302, real.status(), real.body());
        assertTrue(real.location().contains("/app/subject.xhtml?n=S01-0666"), real.location());
        assertEquals(200, COORDINATOR.get(STUDY + "/subjects/S01-0666").status(), "the page's own form works");
    }

    @Test
    void aPostbackCannotPointAParticipantPageAtAnotherSitesParticipant() throws Exception {
        BrowserSession browser = new BrowserSession();
        BrowserSession.Page form = browser.get("/login.xhtml");
        browser.submit("/login.xhtml", form, "login", Map.of("username", "coordinator", "password",
                "demo-coordinator"), "signIn");
        assertEquals(404, browser.get("/app/subject.xhtml?n=S02-0003").status(), "another site's participant");
        BrowserSession.Page page = browser.get("/app/subject.xhtml?n=S01-0006");
        assertEquals(200, page.status(), page.body());
        String term = "Headache posted with another participant's number";
        BrowserSession.Page posted = browser.submit("/app/subject.xhtml?n=S02-0003", page, "ae", Map.of("n",
                "S02-0003", "ae:term", term, "ae:onset", "2026-11-01", "ae:severity", "1", "ae:related",
                "NOT_RELATED", "ae:action", "NONE", "ae:outcome", "RECOVERED"), "ae:add");
        assertTrue(posted.status() < 500, posted.body());
        Api dataManager = Api.as("datamanager", "demo-datamanager");
        assertFalse(dataManager.get(STUDY + "/subjects/S02-0003/adverse-events").body().contains(term),
                "the other site's participant got nothing");
        assertTrue(dataManager.get(STUDY + "/subjects/S01-0006/adverse-events").body().contains(term),
                "the event went to the participant the page was opened for");
    }
}
