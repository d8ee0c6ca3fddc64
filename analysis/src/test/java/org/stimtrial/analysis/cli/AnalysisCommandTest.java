package org.stimtrial.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stimtrial.analysis.Reference;

/** The command line as a statistician uses it, and its answers to bad input. */
class AnalysisCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AnalysisCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String trial() throws Exception {
        return Path.of(Reference.class.getResource("/validation/trial_small.csv").toURI()).toString();
    }

    @Test
    void lmmWritesTheSummaryAndTheJsonDocument() throws Exception {
        Path json = dir.resolve("out.json");
        Run r = run("lmm", "--data", trial(), "--formula",
                "craving ~ arm*week + baseline_craving + site + (1+week|subject_id)", "--reml",
                "--levels", "arm=placebo,bupropion,modafinil,nac,baclofen", "--weeks", "1-12", "--emmeans", "arm",
                "--at", "week=12", "--json", json.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("armbupropion:week"), r.out);
        assertTrue(r.out.contains("bupropion - placebo"), r.out);
        JsonObject doc = Json.createReader(new StringReader(Files.readString(json))).readObject();
        for (String key : new String[] {"fixed", "varcorr", "sigma", "theta", "logLik", "AIC", "BIC", "criterion",
                "emmeans", "contrasts", "converged", "warnings"}) {
            assertTrue(doc.containsKey(key), key);
        }
        JsonObject first = doc.getJsonArray("fixed").getJsonObject(0);
        assertEquals("(Intercept)", first.getString("term"));
        assertEquals(14.26939859423883, first.getJsonNumber("estimate").doubleValue(), 1e-6 * 3.9);
        assertEquals(4, doc.getJsonArray("contrasts").size());
        assertTrue(doc.getBoolean("converged"));
    }

    @Test
    void lmmWithKenwardRogerAndDunnettReproducesPbkrtestAndMvtnorm() throws Exception {
        Path json = dir.resolve("kr.json");
        Run r = run("lmm", "--data", trial(), "--formula",
                "craving ~ arm*week + baseline_craving + site + (1+week|subject_id)", "--ddf", "kenward-roger",
                "--levels", "arm=placebo,bupropion,modafinil,nac,baclofen", "--weeks", "1-12", "--emmeans", "arm",
                "--at", "week=12", "--json", json.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Kenward-Roger's df"), r.out);
        assertTrue(r.out.contains("p adjusted: dunnett (multivariate t integral"), r.out);
        JsonObject doc = Json.createReader(new StringReader(Files.readString(json))).readObject();
        JsonObject ref = Reference.json("ref_trial_small.json").getJsonObject("lmm")
                .getJsonObject("week12_kenward_roger").getJsonObject("contrasts_vs_placebo");
        double[] dunnett = Reference.doubles(ref.getJsonArray("p_dunnett_precise"));
        double[] df = Reference.doubles(ref.getJsonArray("df"));
        for (int i = 0; i < 4; i++) {
            JsonObject c = doc.getJsonArray("contrasts").getJsonObject(i);
            Reference.near(c.getString("contrast") + " Dunnett p", dunnett[i],
                    c.getJsonNumber("p_adjusted").doubleValue(), 1e-5);
            Reference.relative(c.getString("contrast") + " KR df", df[i], c.getJsonNumber("df").doubleValue(), 1e-3);
        }
        assertEquals("Kenward-Roger", doc.getString("df_method"));

        Run ml = run("lmm", "--data", trial(), "--formula", "craving ~ week + (1|subject_id)", "--ml", "--ddf",
                "kenward-roger");
        assertEquals(2, ml.code);
        assertTrue(ml.err.contains("Kenward-Roger inference needs a REML fit"), ml.err);
    }

    @Test
    void teesAndGeeRunFromTheCommandLine() throws Exception {
        Run tes = run("tes", "--data", trial(), "--arm-levels", "placebo,bupropion,modafinil,nac,baclofen");
        assertEquals(0, tes.code, tes.err);
        assertTrue(tes.out.contains("Kruskal-Wallis chi-squared = 14.2890"), tes.out);
        Run gee = run("gee", "--data", trial(), "--formula", "uds_negative ~ arm*week", "--id", "subject_id",
                "--corstr", "exchangeable", "--ref", "arm=placebo", "--weeks", "1-12", "--emmeans", "arm", "--at",
                "week=12");
        assertEquals(0, gee.code, gee.err);
        assertTrue(gee.out.contains("Odds ratios against placebo"), gee.out);
        Path json = dir.resolve("mmrm.json");
        Run mmrm = run("mmrm", "--data", trial(), "--formula", "craving ~ arm*factor(week) + baseline_craving",
                "--subject", "subject_id", "--visit", "week", "--covariance", "us", "--weeks", "1-12", "--levels",
                "arm=placebo,bupropion,modafinil,nac,baclofen", "--emmeans", "arm", "--at", "week=12", "--df",
                "emmeans", "--json", json.toString());
        assertEquals(0, mmrm.code, mmrm.err);
        JsonObject doc = Json.createReader(new StringReader(Files.readString(json))).readObject();
        assertEquals(12, doc.getJsonObject("covariance").getJsonArray("values").size());
        assertEquals(2862, doc.getJsonArray("contrasts").getJsonObject(0).getJsonNumber("df").intValue());
        assertEquals(-11125.904006, doc.getJsonNumber("logLik").doubleValue(), 1e-5);
        Run cs = run("mmrm", "--data", trial(), "--formula", "craving ~ arm*week + baseline_craving", "--subject",
                "subject_id", "--visit", "week", "--covariance", "cs", "--weeks", "1-12");
        assertEquals(0, cs.code, cs.err);
    }

    @Test
    void boundariesAtObservedFractionsArePrintedWrittenAndCheckedAgainstTheStatistics() throws Exception {
        Path json = dir.resolve("bounds.json");
        Run r = run("boundaries", "--fractions", "0.3333333333,0.6666666667,1", "--spending", "obf", "--z",
                "2.1,2.6", "--json", json.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("crosses the boundary at look 2"), r.out);
        JsonObject root = Json.createReader(new StringReader(Files.readString(json))).readObject();
        assertEquals(3.7103, root.getJsonArray("looks").getJsonObject(0).getJsonNumber("z").doubleValue(), 2e-4);
        assertEquals(0.025, root.getJsonArray("looks").getJsonObject(2).getJsonNumber("alpha_spent").doubleValue(),
                1e-12);
    }

    @Test
    void badInputGetsAClearMessageAndExitCodeTwoNeverATrace() throws Exception {
        Path oneSite = dir.resolve("one-site.csv");
        Files.writeString(oneSite, "id,site,y,x\na,s1,1,2\na,s1,2,3\nb,s1,3,1\nb,s1,4,5\n");
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "id,y,x\na,low,1\nb,high,2\n");
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "id,y,x\na,1\n");
        Path collinear = dir.resolve("collinear.csv");
        Files.writeString(collinear, "id,y,x,z\na,1,1,2\na,2,2,4\nb,3,3,6\nb,5,4,8\nc,4,5,10\nc,7,6,12\n");
        String[][] cases = {
            {"lmm", "--data", trial(), "--formula", "craving ~ nosuch + (1|subject_id)"},
            {"lmm", "--data", dir.resolve("missing.csv").toString(), "--formula", "y ~ x + (1|id)"},
            {"lmm", "--data", oneSite.toString(), "--formula", "y ~ site + (1|id)"},
            {"lmm", "--data", text.toString(), "--formula", "y ~ x + (1|id)"},
            {"lmm", "--data", ragged.toString(), "--formula", "y ~ x + (1|id)"},
            {"lmm", "--data", collinear.toString(), "--formula", "y ~ x + z + (1|id)"},
            {"lmm", "--data", trial(), "--formula", "craving ~ week + (1|subject_id", "--weeks", "1-12"},
            {"lmm", "--data", trial(), "--formula", "craving ~ week + (1|subject_id)", "--bogus", "1"},
            {"lmm", "--data", trial()},
            {"lmm", "--data", trial(), "--formula", "craving ~ arm + (1|subject_id)", "--ref", "arm=aspirin"},
            {"gee", "--data", trial(), "--formula", "craving ~ week", "--id", "subject_id"},
            {"frobnicate"},
            {"boundaries", "--fractions", "0.6,0.3"},
            {"boundaries", "--fractions", "0.5,1", "--spending", "haybittle"},
        };
        String[] expected = {"Unknown column 'nosuch'", "No such file", "only one level", "must be numeric",
            "fields, the header has", "singular", "must end with ')'", "Unknown option --bogus", "--formula is required",
            "Reference level 'aspirin'", "must be 0 or 1", "unknown command", "must increase strictly",
            "--spending is obf, pocock or power"};
        for (int i = 0; i < cases.length; i++) {
            Run r = run(cases[i]);
            assertEquals(2, r.code, String.join(" ", cases[i]) + " -> " + r.err + r.out);
            assertTrue(r.err.contains(expected[i]), "expected '" + expected[i] + "' in: " + r.err);
            assertFalse(r.err.contains("\tat ") || r.err.contains("Exception"), r.err);
        }
    }
}
