package org.stimtrial.analysis.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stimtrial.analysis.AnalysisException;

/** Writing result documents. */
final class Results {
    private Results() {
    }

    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    static void write(Path file, Map<String, Object> document) {
        try {
            Files.writeString(file, Json.write(document), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AnalysisException("Cannot write " + file + ": " + e.getMessage());
        }
    }
}
