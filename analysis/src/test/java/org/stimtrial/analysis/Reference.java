package org.stimtrial.analysis;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stimtrial.analysis.data.CsvTable;
import org.stimtrial.analysis.data.DataTable;

/** R's reference results (copied from shared/validation/public into the test resources) and their data sets. */
public final class Reference {
    private Reference() {
    }

    public static JsonObject json(String file) {
        try (InputStream in = Reference.class.getResourceAsStream("/validation/" + file);
             JsonReader r = Json.createReader(in)) {
            return r.readObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DataTable data(String file) {
        try {
            return CsvTable.read(Path.of(Reference.class.getResource("/validation/" + file).toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static double[] doubles(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getValueType() == JsonValue.ValueType.NULL ? Double.NaN
                    : ((JsonNumber) a.get(i)).doubleValue();
        }
        return out;
    }

    public static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(((jakarta.json.JsonString) v).getString()));
        return out;
    }

    /** |actual - expected| <= tolerance * scale, with a message naming the quantity. */
    public static void near(String what, double expected, double actual, double tolerance) {
        double diff = Math.abs(actual - expected);
        if (!(diff <= tolerance)) {
            throw new AssertionError(String.format("%s: expected %.12g, got %.12g (|diff| %.3g > %.3g)", what, expected,
                    actual, diff, tolerance));
        }
    }

    public static void relative(String what, double expected, double actual, double rel) {
        near(what, expected, actual, rel * Math.abs(expected));
    }
}
