package org.stimtrial.instrument;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The craving instruments shipped with the system, read from {@code instruments/*.json} on the class path. */
public final class InstrumentCatalog {
    /** The shipped instruments: craving VAS, Brief Substance Craving Scale, amphetamine craving questionnaire. */
    public static final List<String> SHIPPED = List.of("VAS", "BSCS", "ACQ");

    private final Map<String, Instrument> instruments;

    private InstrumentCatalog(Map<String, Instrument> instruments) {
        this.instruments = Map.copyOf(instruments);
    }

    public static InstrumentCatalog shipped() {
        Map<String, Instrument> loaded = new LinkedHashMap<>();
        for (String code : SHIPPED) {
            String resource = "instruments/" + code + ".json";
            try (InputStream in = InstrumentCatalog.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("instrument definition " + resource + " is missing");
                }
                loaded.put(code, parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new InstrumentCatalog(loaded);
    }

    public Optional<Instrument> find(String code) {
        return Optional.ofNullable(instruments.get(code));
    }

    public Collection<Instrument> all() {
        List<Instrument> list = new ArrayList<>();
        for (String code : SHIPPED) {
            list.add(instruments.get(code));
        }
        return list;
    }

    static Instrument parse(InputStream in) {
        try (JsonReader reader = Json.createReader(in)) {
            JsonObject o = reader.readObject();
            List<InstrumentItem> items = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("items")) {
                JsonObject i = v.asJsonObject();
                items.add(new InstrumentItem(i.getString("code"), i.getString("label"),
                        i.getJsonNumber("min").bigDecimalValue(), i.getJsonNumber("max").bigDecimalValue(),
                        i.getBoolean("integer"), i.getBoolean("reverse", false)));
            }
            List<InstrumentScale> scales = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("scales")) {
                JsonObject s = v.asJsonObject();
                List<String> scaleItems = s.getJsonArray("items").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList();
                scales.add(new InstrumentScale(s.getString("code"), s.getString("name"),
                        ScoringRule.valueOf(s.getString("rule")), scaleItems));
            }
            return new Instrument(o.getString("code"), o.getString("name"), o.getString("description"), items,
                    scales);
        }
    }
}
