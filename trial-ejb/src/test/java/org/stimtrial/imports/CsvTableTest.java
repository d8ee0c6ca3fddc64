package org.stimtrial.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stimtrial.imports.CsvTable.MalformedCsvException;
import org.stimtrial.imports.CsvTable.Place;
import org.stimtrial.imports.CsvTable.Row;

/**
 * RFC 4180 rows as the import reads them: values, line numbers, places and text, and the first look at a file
 * ({@link CsvTable#skim}), which must find the same rows with the same values in the columns it keeps.
 */
class CsvTableTest {
    private static final String TEXT = "a,b,c\r\n"
            + "\n"
            + "plain,\"quoted, with a comma\",\"two\nlines\"\n"
            + "   \n"
            + "\"say \"\"hi\"\"\",,last  \n"
            + "\"\",x\r"
            + "short\n"
            + "1,2,3,4\n"
            + "end,\"\",\"no line break at the end\"";

    private static List<Row> rows(String text) throws MalformedCsvException {
        CsvTable table = CsvTable.of(text);
        List<Row> rows = new ArrayList<>();
        for (Optional<Row> r = table.next(); r.isPresent(); r = table.next()) {
            rows.add(r.get());
        }
        return rows;
    }

    @Test
    void rowsKeepTheirValuesLinesPlacesAndText() throws MalformedCsvException {
        List<Row> rows = rows(TEXT);
        assertEquals(List.of(List.of("a", "b", "c"), List.of("plain", "quoted, with a comma", "two\nlines"),
                List.of("say \"hi\"", "", "last  "), List.of("", "x"), List.of("short"), List.of("1", "2", "3", "4"),
                List.of("end", "", "no line break at the end")), rows.stream().map(Row::cells).toList());
        assertEquals(List.of(1, 3, 6, 7, 8, 9, 10), rows.stream().map(Row::line).toList());
        assertEquals("plain,\"quoted, with a comma\",\"two\nlines\"", rows.get(1).raw());
        assertEquals("\"say \"\"hi\"\"\",,last", rows.get(2).raw(), "trailing white space is not kept");
        for (Row row : rows) {
            assertEquals(row, CsvTable.rowAt(TEXT, row.offset(), row.line()), "read again at its place");
        }
    }

    @Test
    void aFirstLookFindsTheSameRowsAndTheValuesOfTheColumnsItKeeps() throws MalformedCsvException {
        List<Row> rows = rows(TEXT);
        CsvTable table = CsvTable.of(TEXT);
        int[] wanted = {2, 0};
        for (Row row : rows) {
            Place place = table.skim(wanted).orElseThrow();
            assertEquals(row.line(), place.line());
            assertEquals(row.offset(), place.offset());
            assertEquals(row.cells().size(), place.width());
            assertEquals(java.util.Arrays.asList(row.cells().size() > 2 ? row.cells().get(2) : null,
                    row.cells().get(0)), place.kept());
        }
        assertEquals(Optional.empty(), table.skim(wanted));
    }

    @Test
    void aQuoteNeverClosedOrTextAfterAClosingQuoteIsMalformed() {
        assertThrows(MalformedCsvException.class, () -> rows("a,\"open\nb,c\n"));
        assertThrows(MalformedCsvException.class, () -> CsvTable.of("a,\"open\nb\n").skim(new int[] {0}));
        assertThrows(MalformedCsvException.class, () -> rows("a,\"x\"y,b\n"));
        assertThrows(MalformedCsvException.class, () -> CsvTable.of("a,\"x\"y,b\n").skim(new int[] {0}));
    }
}
