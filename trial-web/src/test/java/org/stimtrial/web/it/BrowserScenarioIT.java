package org.stimtrial.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web UI in a real browser (headless Chromium): a coordinator screens, randomizes and enters visits, is stopped
 * by a range check, changes a value with a reason and answers a query (with a script-injection attempt); a data
 * manager raises and closes the query; a blinded statistician opens every page they may and never sees an arm.
 * Each step's screenshot is in {@code target/browser-screenshots/}.
 */
@ExtendWith(PayaraMicroServer.class)
class BrowserScenarioIT {
    private static final String NUMBER = "S01-0777";
    private static final String INJECTION = "<script>window.__injected = 1</script><img src=x onerror=\"window.__injected = 2\">";
    private static final Path SHOTS = Path.of("target/browser-screenshots");

    @Test
    void coordinatorDataManagerAndBlindedStatisticianDoTheirWorkInTheBrowser() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        String queryId;
        try (Browser b = new Browser(SHOTS)) {
            b.login("coordinator", "demo-coordinator");
            b.screenshot("coordinator-dashboard");
            assertTrue(b.bodyText().contains("Worklist"), b.bodyText());
            b.assertUsable("dashboard");

            b.open("/app/screen.xhtml");
            b.select("screen:site", "S01");
            b.type("screen:number", NUMBER);
            b.select("screen:sex", "F");
            b.type("screen:yob", "1991");
            b.setValue("screen:consent", today.minusDays(10).toString());
            b.assertUsable("screening");
            b.screenshot("screening-form");
            b.click("screen:save");
            b.waitForText("subjectStatus", "SCREENED");
            assertTrue(b.currentPath().startsWith("/app/subject.xhtml?n=" + NUMBER), b.currentPath());

            b.select("status:target", "ELIGIBLE");
            b.setValue("status:date", today.minusDays(8).toString());
            b.click("status:save");
            b.waitForText("subjectStatus", "ELIGIBLE");
            b.screenshot("eligible");

            b.select("randomizeForm:factors:0:factor", "high");
            b.click("randomizeForm:go");
            b.click("confirmYes");
            String kit = b.waitForText("kitNumber", "KT-");
            b.scrollToTop();
            b.waitForText("subjectStatus", "RANDOMIZED");
            assertTrue(b.bodyText().contains("Dispense kit " + kit), b.bodyText());
            b.assertNoArm("the subject page after randomization");
            b.screenshot("randomized-kit-number");

            b.open("/app/visit.xhtml?n=" + NUMBER + "&v=BL");
            b.setValue("visit:date", today.minusDays(7).toString());
            b.click("visit:save");
            b.waitForText("visitStatus", "DONE");

            b.open("/app/visit.xhtml?n=" + NUMBER + "&v=W01");
            b.setValue("visit:date", today.toString());
            b.click("visit:save");
            b.waitForText("visitStatus", "DONE");
            b.assertUsable("the week-1 visit");
            b.type("craving-VAS:item-vas", "120");
            b.tabOut("craving-VAS:item-vas");
            String rangeError = b.waitForText("craving-VAS:item-vas-message", "between 0 and 100");
            b.screenshot("vas-range-error");
            b.setValue("craving-VAS:assessedOn", today.toString());
            b.click("craving-VAS:save");
            b.waitForText("craving-VAS:item-vas-message", "between 0 and 100");
            assertFalse(b.bodyText().contains("Craving visual analogue scale saved"), "a VAS of 120 was saved");
            b.type("craving-VAS:item-vas", "70");
            b.click("craving-VAS:save");
            b.waitForPageText("Craving visual analogue scale saved");
            b.screenshot("vas-saved");
            assertTrue(rangeError.contains("must be between 0 and 100"), rangeError);

            b.type("craving-VAS:item-vas", "65");
            b.click("craving-VAS:save");
            b.waitForText("craving-VAS", "a reason for change is required");
            b.screenshot("reason-required");
            b.type("craving-VAS:reason", "Transcription error");
            b.click("craving-VAS:save");
            b.waitForPageText("Craving visual analogue scale saved");
            b.open("/app/history.xhtml?n=" + NUMBER + "&q=vas");
            b.waitForPageText("Transcription error");
            assertTrue(b.bodyText().contains("70") && b.bodyText().contains("65"), b.bodyText());
            b.screenshot("field-history");

            b.open("/app/subject.xhtml?n=" + NUMBER);
            b.type("ae:term", "Insomnia");
            b.setValue("ae:onset", today.minusDays(1).toString());
            b.select("ae:severity", "2");
            b.click("ae:add");
            b.waitForText("aeList", "Insomnia");
            b.click("aeList:events:0:edit");
            b.waitForPageText("Change the adverse event");
            b.select("ae:outcome", "RECOVERED");
            b.setValue("ae:end", today.toString());
            b.click("ae:add");
            b.waitForText("ae", "a reason for change is required");
            b.type("ae:reason", "Resolved at the week-1 visit");
            b.click("ae:add");
            b.waitForText("aeList", "RECOVERED");
            b.screenshot("adverse-event-changed");
            b.logout();

            b.login("datamanager", "demo-datamanager");
            b.open("/app/queries.xhtml");
            b.type("raise:subject", NUMBER);
            b.type("raise:item", "visit:W01/cravings/VAS/vas");
            b.type("raise:text", "Please confirm the week-1 craving VAS of 65.");
            b.click("raise:send");
            b.waitForText("queryStatus", "OPEN");
            queryId = b.currentPath().replaceAll(".*id=(\\d+).*", "$1");
            b.screenshot("query-raised");
            b.logout();

            b.login("coordinator", "demo-coordinator");
            b.open("/app/queries.xhtml");
            b.waitForPageText("Please confirm the week-1 craving VAS of 65.");
            b.screenshot("coordinator-query-inbox");
            b.open("/app/query.xhtml?id=" + queryId);
            b.select("post:action", "ANSWER");
            b.type("post:message", "Confirmed against the source document. " + INJECTION);
            b.click("post:send");
            b.waitForText("queryStatus", "ANSWERED");
            b.open("/app/query.xhtml?id=" + queryId);
            assertTrue(b.bodyText().contains(INJECTION), "the answer is shown as typed: " + b.bodyText());
            assertEquals(null, b.script("return window.__injected === undefined ? null : window.__injected;"),
                    "the answer's markup ran as script");
            b.screenshot("query-answered-escaped");
            b.logout();

            b.login("datamanager", "demo-datamanager");
            b.open("/app/query.xhtml?id=" + queryId);
            b.select("post:action", "CLOSE");
            b.type("post:message", "Thank you.");
            b.click("post:send");
            b.waitForText("queryStatus", "CLOSED");
            b.screenshot("query-closed");
            b.logout();

            b.login("statistician", "demo-statistician");
            for (String page : List.of("/app/home.xhtml", "/app/subject.xhtml?n=" + NUMBER,
                    "/app/visit.xhtml?n=" + NUMBER + "&v=W01", "/app/runs.xhtml", "/app/reports.xhtml",
                    "/app/subject.xhtml?n=S01-0006", "/app/visit.xhtml?n=S01-0006&v=W04")) {
                b.open(page);
                b.find("content");
                b.assertNoArm("blinded statistician on " + page);
            }
            b.open("/app/queries.xhtml");
            assertTrue(b.bodyText().contains("Your role does not allow this action"), b.bodyText());
            b.open("/app/runs.xhtml");
            b.screenshot("blinded-statistician-runs");
            b.resize(800, 1100);
            b.open("/app/home.xhtml");
            b.find("content");
            b.assertUsable("the dashboard at tablet width");
            b.screenshot("tablet-width-dashboard");
        }
        JsonObject query = Api.as("datamanager", "demo-datamanager").get("/api/studies/STIM-301/queries/" + queryId)
                .json().asJsonObject();
        assertEquals("CLOSED", query.getString("status"));
        JsonArray thread = query.getJsonArray("messages");
        assertTrue(thread.toString().contains("Confirmed against the source document."), thread.toString());
        JsonArray trail = Api.as("datamanager", "demo-datamanager").get("/api/studies/STIM-301/subjects/" + NUMBER
                + "/audit").json().asJsonArray();
        assertTrue(trail.stream().map(JsonObject.class::cast).anyMatch(r -> "Transcription error".equals(
                r.getString("reason", "")) && "UI".equals(r.getString("source", ""))), trail.toString());
    }

    @Test
    void theDsmbRunsAnInterimAnalysisTheSponsorTheAdministratorTheInvestigatorAndTheDataManagerDoTheirs()
            throws Exception {
        try (Browser b = new Browser(SHOTS.resolve("roles"))) {
            b.login("dsmb", "demo-dsmb");
            b.open("/app/runs.xhtml");
            b.click("start:go");
            String started = b.waitForText("messages", "started: the snapshot");
            String run = started.replaceAll("(?s).*Run (\\d+) started.*", "$1");
            b.waitLongForText("detail", "Run " + run + " (COMPLETED)", 180);
            b.waitForPageText("Estimates and contrasts (by arm)");
            b.screenshot("dsmb-run-results");
            Path workbook = b.download("downloads:dsmb", ".xlsx");
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(
                    workbook))) {
                assertTrue(book.getSheet("Models") != null, "the DSMB workbook has the model results");
            }
            Path script = b.download("downloads:rscript", ".R");
            assertTrue(java.nio.file.Files.readString(script).contains("lmer("), "the R script refits the models");
            b.logout();

            b.login("statistician", "demo-statistician");
            b.open("/app/runs.xhtml");
            b.waitForText("list:runs", "COMPLETED");
            b.click("list:runs:0:show");
            b.waitForPageText("Pooled by week");
            assertFalse(b.bodyText().contains("Estimates and contrasts"), "no estimates for a blinded statistician");
            assertFalse(b.source().contains("downloads:dsmb"), "no DSMB workbook for a blinded statistician");
            b.assertNoArm("the blinded run view");
            Path csv = b.download("downloads:csv", ".csv");
            Browser.assertNoArm(csv.getFileName().toString(), java.nio.file.Files.readString(csv));
            b.screenshot("blinded-run-results");
            b.logout();

            b.login("sponsor", "demo-sponsor");
            assertFalse(b.bodyText().contains("Worklist"), "no participant list for the sponsor");
            b.assertNoArm("the sponsor's dashboard");
            b.open("/app/reports.xhtml");
            Browser.assertNoArm(b.download("reports:sponsor", ".xlsx"));
            b.screenshot("sponsor-reports");
            b.open("/app/subject.xhtml?n=S01-0006");
            assertTrue(b.bodyText().contains("Your role does not allow this action"), b.bodyText());
            b.logout();

            b.login("admin", "demo-admin");
            b.open("/app/users.xhtml");
            b.assertUsable("users");
            String row = rowOf(b, "coordinator2");
            b.select("users:list:" + row + ":site", "S03");
            b.type("users:list:" + row + ":reason", "Covers S03 while its coordinator is away");
            b.click("users:list:" + row + ":assign");
            b.waitForPageText("coordinator2 now works at S03");
            b.screenshot("admin-site-assigned");
            b.logout();

            b.login("investigator", "demo-investigator");
            b.open("/app/visit.xhtml?n=S01-0006&v=W02");
            b.type("sign:password", "demo-investigator");
            b.click("sign:signButton");
            b.waitForPageText("Visit W02 signed");
            b.open("/app/subject.xhtml?n=S01-0006");
            b.waitForText("signatures", "VALID");
            b.screenshot("investigator-signed");
            b.logout();

            b.login("datamanager", "demo-datamanager");
            b.open("/app/imports.xhtml");
            b.select("upload:format", "URINE_SCREEN_CSV");
            b.select("upload:site", "S01");
            b.chooseFile("upload:file", Path.of("../docs/examples/urine-screens.csv").toAbsolutePath().normalize());
            b.click("upload:send");
            b.waitForPageText("received,");
            b.waitForText("batches:list", "urine-screens.csv");
            b.screenshot("data-manager-import");
        }
    }

    /** The row index of a user in the users table. */
    private static String rowOf(Browser b, String username) {
        Object index = b.script("const rows = Array.from(document.querySelectorAll('[id=\"users:list_data\"] > tr'));"
                + "return String(rows.findIndex(r => r.cells[0].innerText.split('\\n')[0].trim() === '"
                + username + "'));");
        assertFalse("-1".equals(index), username + " is not listed");
        return (String) index;
    }
}
