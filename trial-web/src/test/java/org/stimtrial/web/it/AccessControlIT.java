package org.stimtrial.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Randomization, blinding and site scoping over HTTP. The two sweeps read the application's own OpenAPI document,
 * so every endpoint added later is swept without editing this test.
 */
@ExtendWith(PayaraMicroServer.class)
class AccessControlIT {
    private static final String STUDY = "/api/studies/STIM-301";
    private static final Api COORDINATOR = Api.as("coordinator", "demo-coordinator");
    private static final Api COORDINATOR_S02 = Api.as("coordinator2", "demo-coordinator2");
    private static final Api INVESTIGATOR = Api.as("investigator", "demo-investigator");
    private static final Api DATA_MANAGER = Api.as("datamanager", "demo-datamanager");
    private static final Api DSMB = Api.as("dsmb", "demo-dsmb");
    private static final Map<String, Api> BLINDED = Map.of("coordinator", COORDINATOR, "coordinator2",
            COORDINATOR_S02, "investigator", INVESTIGATOR, "datamanager", DATA_MANAGER, "statistician",
            Api.as("statistician", "demo-statistician"), "sponsor", Api.as("sponsor", "demo-sponsor"));
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private static String randomizedAtS01;

    @BeforeAll
    static void randomizeOneParticipantAtS01() throws Exception {
        randomizedAtS01 = eligible("S01-AC01", "S01");
        Api.Reply r = COORDINATOR.post(STUDY + "/subjects/" + randomizedAtS01 + "/randomization",
                "{\"strata\":{\"severity\":\"high\"}}");
        assertEquals(201, r.status(), r.body());
    }

    private static String eligible(String number, String site) throws Exception {
        Api api = site.equals("S01") ? COORDINATOR : COORDINATOR_S02;
        Api.Reply s = api.post(STUDY + "/subjects", "{\"screeningNumber\":\"" + number + "\",\"site\":\"" + site
                + "\",\"sex\":\"F\",\"yearOfBirth\":1984,\"consentDate\":\"" + TODAY.minusDays(20) + "\"}");
        assertEquals(201, s.status(), s.body());
        Api.Reply e = api.post(STUDY + "/subjects/" + number + "/status", "{\"status\":\"ELIGIBLE\",\"date\":\""
                + TODAY.minusDays(1) + "\"}");
        assertEquals(200, e.status(), e.body());
        return number;
    }

    @Test
    void aCoordinatorSeesAKitNumberTheDsmbSeesTheArmAnotherSiteSeesNothing() throws Exception {
        String number = eligible("S01-AC02", "S01");
        Api.Reply missing = COORDINATOR.post(STUDY + "/subjects/" + number + "/randomization", "{}");
        assertEquals(422, missing.status(), missing.body());
        assertTrue(missing.body().contains("strata.severity"), missing.body());
        Api.Reply r = COORDINATOR.post(STUDY + "/subjects/" + number + "/randomization",
                "{\"strata\":{\"severity\":\"low\"}}");
        assertEquals(201, r.status(), r.body());
        String kit = r.json().asJsonObject().getString("kitNumber");
        assertTrue(kit.matches("KT-\\d{6}"), kit);
        assertFalse(r.body().contains("\"arm"), r.body());
        assertEquals(409, COORDINATOR.post(STUDY + "/subjects/" + number + "/randomization",
                "{\"strata\":{\"severity\":\"low\"}}").status(), "randomized once only");

        Api.Reply allocations = DSMB.get(STUDY + "/randomization/allocations");
        assertEquals(200, allocations.status(), allocations.body());
        JsonObject mine = allocations.json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("screeningNumber").equals(number)).findFirst().orElseThrow();
        assertEquals(kit, mine.getString("kitNumber"));
        assertFalse(mine.getString("arm").isBlank());
        assertEquals("site=S01;severity=low", mine.getString("stratum"));

        Api.Reply hidden = COORDINATOR_S02.get(STUDY + "/subjects/" + number);
        Api.Reply unknown = COORDINATOR_S02.get(STUDY + "/subjects/S01-NEVER");
        assertEquals(404, hidden.status(), hidden.body());
        assertEquals(unknown.body().replace("S01-NEVER", "#"), hidden.body().replace(number, "#"),
                "another site's participant is indistinguishable from one that does not exist");
        assertEquals(403, COORDINATOR.get(STUDY + "/randomization/allocations").status());
    }

    @Test
    void anInvestigatorUnblindsOneParticipantWithReasonAndPasswordAndItIsReported() throws Exception {
        String path = STUDY + "/subjects/" + randomizedAtS01 + "/emergency-unblinding";
        assertEquals(403, INVESTIGATOR.post(path, "{\"reason\":\"Serious adverse event\",\"password\":\"nope\"}")
                .status());
        assertEquals(403, COORDINATOR.post(path, "{\"reason\":\"x\",\"password\":\"demo-coordinator\"}").status());
        assertEquals(422, INVESTIGATOR.post(path, "{\"password\":\"demo-investigator\"}").status());
        Api.Reply ok = INVESTIGATOR.post(path, "{\"reason\":\"Serious adverse event: overdose, treating physician"
                + " needs the drug\",\"password\":\"demo-investigator\"}");
        assertEquals(200, ok.status(), ok.body());
        String arm = ok.json().asJsonObject().getString("arm");
        Api.Reply report = DATA_MANAGER.get(STUDY + "/randomization/unblinding-events");
        assertEquals(200, report.status(), report.body());
        assertTrue(report.body().contains(randomizedAtS01) && report.body().contains("investigator"), report.body());
        assertFalse(report.body().contains(arm), "the report names who and why, not the arm");
        Api.Reply trail = INVESTIGATOR.get(STUDY + "/subjects/" + randomizedAtS01 + "/audit");
        assertTrue(trail.body().contains("UnblindingEvent"), trail.body());
    }

    @Test
    void fiftyParallelRandomizationsUseFiftyDifferentKits() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            numbers.add(eligible(String.format("S02-PAR%02d", i), "S02"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (String n : numbers) {
            replies.add(pool.submit(() -> COORDINATOR_S02.post(STUDY + "/subjects/" + n + "/randomization",
                    "{\"strata\":{\"severity\":\"high\"}}")));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(180, TimeUnit.SECONDS));
        Set<String> kits = new HashSet<>();
        for (Future<Api.Reply> f : replies) {
            Api.Reply r = f.get();
            assertEquals(201, r.status(), r.body());
            assertTrue(kits.add(r.json().asJsonObject().getString("kitNumber")));
        }
        Api.Reply list = DSMB.get(STUDY + "/randomization/list");
        List<String> used = list.json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("stratum").equals("site=S02;severity=high"))
                .filter(e -> !e.isNull("usedBy")).map(e -> e.getString("kitNumber")).toList();
        List<String> firstFifty = list.json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("stratum").equals("site=S02;severity=high")).limit(50)
                .map(e -> e.getString("kitNumber")).toList();
        assertEquals(Set.copyOf(firstFifty), kits, "the first fifty entries of the stratum, none twice");
        assertEquals(50, used.size());
    }

    @Test
    void blindingSweepNoBlindedRoleReadsAnArmAnywhere() throws Exception {
        JsonObject study = DSMB.get(STUDY).json().asJsonObject();
        List<Pattern> armWords = new ArrayList<>();
        for (JsonValue a : study.getJsonArray("arms")) {
            for (String key : List.of("code", "name", "drug")) {
                armWords.add(Pattern.compile("\\b" + Pattern.quote(a.asJsonObject().getString(key)) + "\\b",
                        Pattern.CASE_INSENSITIVE));
            }
        }
        assertTrue(armWords.size() >= 15, "arm words from the unblinded study view");
        List<Pattern> listWords = List.of(Pattern.compile("\"arm\""), Pattern.compile("\"blockSize\""),
                Pattern.compile("\"seed"));
        Map<String, String> values = pathValues();
        int calls = 0;
        List<String> reads = operations("get");
        assertTrue(reads.size() >= 12, "GET operations in the OpenAPI document: " + reads);
        for (String path : reads) {
            String url = fill(path, values);
            for (Map.Entry<String, Api> role : BLINDED.entrySet()) {
                Api.Reply r = role.getValue().get(url);
                calls++;
                assertTrue(r.status() < 500, role.getKey() + " GET " + url + " -> " + r.status() + " " + r.body());
                for (Pattern p : armWords) {
                    assertFalse(p.matcher(r.body()).find(), role.getKey() + " GET " + url + " shows " + p.pattern()
                            + ": " + r.body());
                }
                for (Pattern p : listWords) {
                    assertFalse(p.matcher(r.body()).find(), role.getKey() + " GET " + url + " shows " + p.pattern());
                }
            }
        }
        assertTrue(calls >= 6 * 12, "swept " + calls + " calls");
    }

    @Test
    void siteScopingSweepEveryParticipantEndpointHidesAnotherSitesParticipant() throws Exception {
        String atS02 = DATA_MANAGER.get(STUDY + "/subjects?site=S02").json().asJsonArray().getJsonObject(0)
                .getString("screeningNumber");
        Map<String, String> values = pathValues();
        values.put("number", atS02);
        int swept = 0;
        for (String method : List.of("get", "post", "put", "delete")) {
            for (String path : operations(method)) {
                if (!path.contains("{number}")) {
                    continue;
                }
                String body = method.equals("post") || method.equals("put") ? "{}" : null;
                Api.Reply hidden = COORDINATOR.call(method.toUpperCase(), fill(path, values), body);
                Map<String, String> none = new LinkedHashMap<>(values);
                none.put("number", "S02-NEVER");
                Api.Reply unknown = COORDINATOR.call(method.toUpperCase(), fill(path, none), body);
                if (hidden.status() == 403 && unknown.status() == 403) {
                    continue;
                }
                swept++;
                assertEquals(404, hidden.status(), method + " " + path + ": " + hidden.body());
                assertEquals(unknown.body().replace("S02-NEVER", "#"), hidden.body().replace(atS02, "#"),
                        method + " " + path);
            }
        }
        assertTrue(swept >= 10, "participant endpoints swept: " + swept);
        List<String> own = COORDINATOR.get(STUDY + "/subjects").json().asJsonArray().stream()
                .map(v -> v.asJsonObject().getString("site")).distinct().toList();
        assertEquals(List.of("S01"), own, "the subject list shows the coordinator's site only");
        JsonObject query = DATA_MANAGER.get(STUDY + "/queries").json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(q -> !q.getString("site").equals("S01")).findFirst()
                .orElseThrow();
        assertEquals(404, COORDINATOR.get(STUDY + "/queries/" + query.getJsonNumber("id")).status());
        assertTrue(COORDINATOR.get(STUDY + "/queries").json().asJsonArray().stream()
                .allMatch(q -> q.asJsonObject().getString("site").equals("S01")));
    }

    /** The API's paths for one HTTP method, from the OpenAPI document. */
    private static List<String> operations(String method) throws Exception {
        Api.Reply doc = DSMB.openApi();
        assertEquals(200, doc.status(), doc.body());
        List<String> out = new ArrayList<>();
        doc.json().asJsonObject().getJsonObject("paths").forEach((path, item) -> {
            if (item.asJsonObject().containsKey(method) && path.startsWith("/api/")) {
                out.add(path);
            }
        });
        return out;
    }

    private static Map<String, String> pathValues() throws Exception {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("study", "STIM-301");
        v.put("number", randomizedAtS01);
        v.put("visit", "W01");
        v.put("instrument", "VAS");
        v.put("specimen", "SPEC-1");
        v.put("id", DATA_MANAGER.get(STUDY + "/queries").json().asJsonArray().getJsonObject(0)
                .getJsonNumber("id").toString());
        Api.Reply batch = DATA_MANAGER.call("POST", STUDY + "/imports?format=CRAVING_CSV&fileName=sweep.csv", null);
        v.put("batch", batch.json().asJsonObject().getJsonNumber("id").toString());
        v.put("record", "1");
        v.put("run", Long.toString(completedRun()));
        v.put("domain", "DM");
        return v;
    }

    private static long completedRunId;

    /** A run started by the unblinded statistician, polled (bounded in count and time) until it completed. */
    private static synchronized long completedRun() throws Exception {
        if (completedRunId != 0) {
            return completedRunId;
        }
        Api.Reply started = DSMB.post(STUDY + "/analysis-runs", "{\"cutoff\":\"" + TODAY + "\"}");
        assertEquals(202, started.status(), started.body());
        long id = started.json().asJsonObject().getJsonNumber("id").longValue();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(240);
        String status = "QUEUED";
        for (int polls = 0; polls < 20_000 && System.nanoTime() < deadline; polls++) {
            status = DSMB.get(STUDY + "/analysis-runs/" + id).json().asJsonObject().getString("status");
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                break;
            }
        }
        assertEquals("COMPLETED", status, DSMB.get(STUDY + "/analysis-runs/" + id).body());
        completedRunId = id;
        return id;
    }

    @Test
    void anInterimRunGivesTheDsmbItsWorkbookAndScriptAndBlindedRolesNeither() throws Exception {
        long run = completedRun();
        JsonObject view = DSMB.get(STUDY + "/analysis-runs/" + run).json().asJsonObject();
        assertTrue(view.getJsonObject("results").getBoolean("byArm"));
        assertEquals(64, view.getString("snapshotHash").length());
        Api.Reply dsmb = DSMB.get(STUDY + "/analysis-runs/" + run + "/reports/dsmb");
        assertEquals(200, dsmb.status(), dsmb.body());
        assertEquals('P', (char) dsmb.bytes()[0], "an xlsx (zip) file");
        assertTrue(dsmb.body().contains("Bupropion"), "the closed report is by arm");
        Api.Reply script = DSMB.get(STUDY + "/analysis-runs/" + run + "/exports/r-script");
        assertEquals(200, script.status());
        assertTrue(script.body().contains("glmer(uds_negative ~ arm*week"));
        Api.Reply rerun = DSMB.post(STUDY + "/analysis-runs/" + run + "/rerun", "");
        assertEquals(202, rerun.status(), rerun.body());
        Api statistician = BLINDED.get("statistician");
        assertEquals(403, statistician.get(STUDY + "/analysis-runs/" + run + "/reports/dsmb").status());
        assertEquals(403, statistician.get(STUDY + "/analysis-runs/" + run + "/exports/r-script").status());
        JsonObject pooled = statistician.get(STUDY + "/analysis-runs/" + run).json().asJsonObject();
        assertFalse(pooled.getJsonObject("results").getBoolean("byArm"));
        assertTrue(pooled.getJsonObject("results").getJsonArray("estimates").isEmpty());
        Api.Reply sponsor = BLINDED.get("sponsor").get(STUDY + "/reports/sponsor");
        assertEquals(200, sponsor.status(), sponsor.body());
        assertTrue(sponsor.body().contains("Enrollment (randomized) by site and month"));
        assertEquals(403, BLINDED.get("sponsor").get(STUDY + "/analysis-runs").status());
        Api.Reply future = BLINDED.get("sponsor").get(STUDY + "/reports/sponsor?cutoff=" + TODAY.plusDays(2));
        assertEquals(422, future.status(), future.body());
        assertTrue(future.isProblem());
    }

    private static String fill(String path, Map<String, String> values) {
        Matcher m = PARAM.matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new AssertionError("the sweep has no value for path parameter {" + m.group(1) + "} in "
                        + path + ": add one to pathValues()");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
