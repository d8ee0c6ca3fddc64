package org.stimtrial.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.visit.FormEntries.CravingEntry;

/** Craving assessments: one row per instrument item, the rows of one instrument at one visit forming one record. */
final class CravingCsv extends CsvRecords {
    private static final List<String> COLUMNS = List.of("site", "screening_number", "visit", "instrument",
            "assessed_on", "item", "value");

    @Override
    List<String> columns() {
        return COLUMNS;
    }

    @Override
    List<String> keyColumns() {
        return List.of("screening_number", "visit", "instrument");
    }

    @Override
    Optional<ImportItem> build(Lines lines, List<String> errors) {
        int line = lines.lineNumbers().get(0);
        Optional<String> site = same(lines, "site", errors);
        Optional<String> number = same(lines, "screening_number", errors);
        Optional<String> visit = same(lines, "visit", errors);
        Optional<String> instrument = same(lines, "instrument", errors);
        Optional<LocalDate> assessed = same(lines, "assessed_on", errors)
                .flatMap(v -> date(v, line, "assessed_on", errors));
        Map<String, BigDecimal> responses = new LinkedHashMap<>();
        for (int i = 0; i < lines.values().size(); i++) {
            Map<String, String> row = lines.values().get(i);
            int at = lines.lineNumbers().get(i);
            String item = row.get("item");
            if (item.isEmpty()) {
                errors.add("line " + at + ": item is empty");
                continue;
            }
            try {
                if (responses.put(item, new BigDecimal(row.get("value"))) != null) {
                    errors.add("line " + at + ": item " + item + " is given twice");
                }
            } catch (NumberFormatException e) {
                errors.add("line " + at + ": value '" + row.get("value") + "' of item " + item + " is not a number");
            }
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ImportItem.Craving(site.orElseThrow(), number.orElseThrow(), visit.orElseThrow(),
                new CravingEntry(instrument.orElseThrow().toUpperCase(java.util.Locale.ROOT), assessed.orElseThrow(),
                        Map.copyOf(responses))));
    }
}
