package org.stimtrial.analysis.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stimtrial.analysis.AnalysisException;
import org.stimtrial.analysis.data.CsvTable;
import org.stimtrial.analysis.data.DataTable;
import org.stimtrial.analysis.inference.Emmeans;
import org.stimtrial.analysis.interim.AnalysisDataset;
import org.stimtrial.analysis.interim.InterimAnalysis;
import org.stimtrial.analysis.interim.InterimPlan;
import org.stimtrial.analysis.interim.InterimResults;
import org.stimtrial.analysis.interim.ProgressListener;
import org.stimtrial.analysis.interim.SnapshotFixtures;
import org.stimtrial.analysis.lmm.Lmm;
import org.stimtrial.analysis.lmm.LmmFit;
import org.stimtrial.analysis.model.FactorLevels;
import org.stimtrial.analysis.model.Formula;
import org.stimtrial.analysis.model.ModelFrame;
import org.stimtrial.analysis.snapshot.SnapshotCodec;
import org.stimtrial.analysis.snapshot.SnapshotRows;
import org.stimtrial.analysis.snapshot.TrialSnapshot;

/** Dataset-JSON structure and counts, the analysis-ready CSV refits to the run's numbers, the R script's calls. */
class AnalysisExportsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 22, 9, 30, 0, 0, ZoneOffset.UTC);
    private static TrialSnapshot snapshot;

    @BeforeAll
    static void setUp() {
        snapshot = SnapshotFixtures.trialSmall(LocalDate.of(2026, 12, 31));
    }

    private static JsonObject datasetJson(String domain, TrialSnapshot s) {
        StringWriter out = new StringWriter();
        DatasetJson.write(domain, s, "0.1.0", NOW, out);
        return Json.createReader(new StringReader(out.toString())).readObject();
    }

    @Test
    void everyDomainIsDatasetJson11WithOneRowPerRecord() {
        Map<String, Integer> expected = Map.of("DM", snapshot.subjects().size(), "LB", snapshot.analytes().size(),
                "QS", snapshot.cravings().size(), "AE", snapshot.adverseEvents().size(), "DS",
                2 * snapshot.subjects().size() + (int) snapshot.subjects().stream()
                        .filter(s -> s.status().equals("COMPLETED")).count());
        for (String domain : DatasetJson.DOMAINS) {
            JsonObject d = datasetJson(domain, snapshot);
            assertEquals("1.1.0", d.getString("datasetJSONVersion"));
            assertEquals("2026-11-22T09:30:00Z", d.getString("datasetJSONCreationDateTime"));
            assertEquals("IG." + domain, d.getString("itemGroupOID"));
            assertEquals(domain, d.getString("name"));
            assertEquals(expected.get(domain), d.getInt("records"), domain);
            JsonArray rows = d.getJsonArray("rows");
            assertEquals(expected.get(domain), rows.size(), domain);
            JsonArray columns = d.getJsonArray("columns");
            for (int r = 0; r < rows.size(); r++) {
                assertEquals(columns.size(), rows.getJsonArray(r).size(), domain + " row " + r);
            }
            JsonObject first = columns.getJsonObject(0);
            assertEquals("IT." + domain + ".STUDYID", first.getString("itemOID"));
            assertEquals(1, first.getInt("keySequence"));
        }
    }

    @Test
    void laboratoryResultsAreOneRecordPerAnalyteOfASpecimen() {
        SnapshotRows.ScreenRow specimen = snapshot.screens().get(0);
        List<SnapshotRows.AnalyteRow> analytes = List.of(
                new SnapshotRows.AnalyteRow(specimen.subject(), specimen.visit(), specimen.specimen(), "AMPHETS",
                        "19261-7", "Amphetamines [Presence] in Urine by Screen method", "SCREEN", "POSITIVE",
                        Optional.of("500"), Optional.empty()),
                new SnapshotRows.AnalyteRow(specimen.subject(), specimen.visit(), specimen.specimen(), "METHAMPH",
                        "16235-4", "Methamphetamine [Mass/volume] in Urine", "QUANTITATIVE", "POSITIVE",
                        Optional.of("250"), Optional.of("1840.5")));
        TrialSnapshot one = new TrialSnapshot(snapshot.protocol(), snapshot.title(), snapshot.cutoff(),
                snapshot.arms(), snapshot.sites(), snapshot.schedule(), snapshot.subjects(), snapshot.visits(),
                List.of(specimen), analytes, List.of(), List.of(), List.of(), List.of());
        JsonObject lb = datasetJson("LB", one);
        List<String> names = lb.getJsonArray("columns").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name")).toList();
        JsonArray rows = lb.getJsonArray("rows");
        assertEquals(2, rows.size());
        JsonArray screen = rows.getJsonArray(0);
        assertEquals("AMPHETS", screen.getString(names.indexOf("LBTESTCD")));
        assertEquals("19261-7", screen.getString(names.indexOf("LBLOINC")));
        assertEquals("POSITIVE", screen.getString(names.indexOf("LBORRES")));
        assertTrue(screen.isNull(names.indexOf("LBORRESU")));
        JsonArray measured = rows.getJsonArray(1);
        assertEquals("QUANTITATIVE", measured.getString(names.indexOf("LBMETHOD")));
        assertEquals("1840.5", measured.getString(names.indexOf("LBORRES")));
        assertEquals("ng/mL", measured.getString(names.indexOf("LBORRESU")));
        assertEquals(1840.5, measured.getJsonNumber(names.indexOf("LBSTRESN")).doubleValue(), 0);
        assertEquals(List.of(1, 2), List.of(rows.getJsonArray(0).getInt(names.indexOf("LBSEQ")),
                measured.getInt(names.indexOf("LBSEQ"))));
        assertEquals(specimen.specimen(), measured.getString(names.indexOf("LBREFID")));
    }

    @Test
    void aSnapshotFrozenBeforeAnalytesWereKeptStillReadsWithOneLabRecordPerSpecimen() {
        String v2 = new String(SnapshotCodec.encode(snapshot), StandardCharsets.UTF_8);
        int from = v2.indexOf("#AnalyteRow\n");
        int to = v2.indexOf("#CravingRow\n");
        String v1 = v2.substring(0, from).replace("#STIMTRIAL-SNAPSHOT 2", "#STIMTRIAL-SNAPSHOT 1") + v2.substring(to);
        TrialSnapshot old = SnapshotCodec.decode(v1.getBytes(StandardCharsets.UTF_8));
        assertTrue(old.analytes().isEmpty());
        assertEquals(snapshot.screens(), old.screens());
        JsonObject lb = datasetJson("LB", old);
        assertEquals(snapshot.screens().size(), lb.getInt("records"));
        assertTrue(lb.getJsonArray("rows").getJsonArray(0).toString().contains("AMPHSTIM"));
        AnalysisException e = assertThrows(AnalysisException.class, () -> SnapshotCodec.decode(
                v2.replace("#STIMTRIAL-SNAPSHOT 2", "#STIMTRIAL-SNAPSHOT 1").getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("are not"), e.getMessage());
    }

    @Test
    void demographicsCarryTheArmOnlyWhenUnblinded() {
        JsonObject unblinded = datasetJson("DM", snapshot);
        JsonObject blinded = datasetJson("DM", snapshot.withoutArms());
        List<String> names = unblinded.getJsonArray("columns").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name")).toList();
        assertTrue(names.contains("ARMCD"));
        List<String> blindedNames = blinded.getJsonArray("columns").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name")).toList();
        assertFalse(blindedNames.contains("ARMCD") || blindedNames.contains("ARM"));
        assertFalse(blinded.toString().toLowerCase().contains("bupropion"));
    }

    @Test
    void anUnknownDomainIsRefusedWithTheKnownOnes() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> DatasetJson.write("VS", snapshot, "x", NOW,
                new StringWriter()));
        assertTrue(e.getMessage().contains("[DM, LB, QS, AE, DS]"), e.getMessage());
    }

    @Test
    void theAnalysisReadyCsvRefitsToTheRunsWeek12Contrasts() throws Exception {
        InterimResults results = InterimAnalysis.of(InterimPlan.protocol()).run(snapshot, ProgressListener.none());
        StringWriter csv = new StringWriter();
        AnalysisDataset.of(snapshot, InterimPlan.protocol()).writeCsv(csv);
        DataTable all = CsvTable.read(new StringReader(csv.toString()), "export.csv");
        double[] week = all.numeric("week").values();
        double[] craving = all.numeric("craving").values();
        DataTable data = all.filter(r -> week[r] >= 1 && week[r] <= 12 && !Double.isNaN(craving[r]));
        ModelFrame frame = ModelFrame.of(data, Formula.parse(
                "craving ~ arm*week + baseline_craving + site + (1 + week | subject_id)"),
                FactorLevels.defaults().withLevels("arm", List.of("placebo", "bupropion", "modafinil", "nac",
                        "baclofen")));
        LmmFit fit = Lmm.reml().fit(frame);
        Emmeans.Result em = Emmeans.of(frame, fit.beta(), fit.vcov(), fit.satterthwaite()::df, "arm",
                Map.of("week", "12"));
        List<InterimResults.EstimateRow> run = results.estimates(InterimResults.LMM, "contrast");
        for (int i = 0; i < 4; i++) {
            assertEquals(run.get(i).estimate(), em.contrasts().get(i).estimate(), 1e-9 * run.get(i).se());
        }
    }

    @Test
    void theRScriptMakesTheEngineCallsOnTheCsv() {
        String script = RScript.generate("STIM-301", "STIM-301-analysis.csv", "abc123", "stimtrial-analysis 0.1.0",
                List.of("placebo", "bupropion", "modafinil", "nac", "baclofen"), InterimPlan.protocol());
        assertTrue(script.contains("read.csv(\"STIM-301-analysis.csv\""));
        assertTrue(script.contains("levels = c(\"placebo\", \"bupropion\", \"modafinil\", \"nac\", \"baclofen\")"));
        assertTrue(script.contains("glmer(uds_negative ~ arm*week + (1 | subject_id)"));
        assertTrue(script.contains("geeglm(uds_negative ~ arm*week, id = subject_id"));
        assertTrue(script.contains("gls(craving ~ arm*fweek + baseline_craving"));
        assertTrue(script.contains("lmer(craving ~ arm*week + baseline_craving + site + (1 + week | subject_id)"));
        assertTrue(script.contains("d$week >= 1 & d$week <= 12"));
        assertTrue(script.contains("%in%") && !script.contains("%%"), "format escapes resolved");
    }
}
