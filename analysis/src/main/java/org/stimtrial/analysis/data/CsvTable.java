package org.stimtrial.analysis.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stimtrial.analysis.AnalysisException;

/**
 * Reads a CSV table: header row, comma separator, {@code .} decimals, {@code NA} (or an empty field) for missing, no
 * quoting. A column whose every present value is a number is numeric; any other column is text.
 */
public final class CsvTable {
    private CsvTable() {
    }

    public static DataTable read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new AnalysisException("No such file: " + file);
        } catch (CharacterCodingException e) {
            throw new AnalysisException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new AnalysisException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    public static DataTable read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String header = in.readLine();
        if (header == null || header.isBlank()) {
            throw new AnalysisException(source + " is empty: a header row is required");
        }
        String[] names = header.strip().split(",", -1);
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (n.isBlank() || !seen.add(n.strip())) {
                throw new AnalysisException(source + ": the header has an empty or repeated column name '" + n + "'");
            }
        }
        List<String[]> rows = new ArrayList<>();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != names.length) {
                throw new AnalysisException(source + " line " + lineNo + ": " + fields.length + " fields, the header has "
                        + names.length);
            }
            rows.add(fields);
        }
        DataTable.Builder b = DataTable.builder();
        for (int c = 0; c < names.length; c++) {
            String name = names[c].strip();
            String[] raw = new String[rows.size()];
            boolean numeric = true;
            for (int r = 0; r < raw.length; r++) {
                String v = rows.get(r)[c].strip();
                raw[r] = v.isEmpty() || v.equals("NA") ? null : v;
                if (raw[r] != null && numeric && !isNumber(raw[r])) {
                    numeric = false;
                }
            }
            if (numeric) {
                double[] values = new double[raw.length];
                for (int r = 0; r < raw.length; r++) {
                    values[r] = raw[r] == null ? Double.NaN : Double.parseDouble(raw[r]);
                }
                b.numeric(name, values);
            } else {
                b.text(name, raw);
            }
        }
        return b.build();
    }

    private static boolean isNumber(String s) {
        try {
            double d = Double.parseDouble(s);
            return !Double.isNaN(d) && !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D") && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
