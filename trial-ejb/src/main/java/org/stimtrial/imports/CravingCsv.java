package org.stimtrial.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.visit.FormEntries.CravingEntry;

/** Craving assessments: one row per instrument item, the rows of one instrument at one visit forming one record. */
final class CravingCsv extends CsvRecords<CravingEntry> {
    CravingCsv() {
        super("instrument", List.of("instrument", "assessed_on", "item", "value"));
    }

    @Override
    ImportItem item(Where where, CravingEntry form) {
        return new ImportItem.Craving(where.site(), where.screeningNumber(), where.visit(), form);
    }

    @Override
    Optional<CravingEntry> form(Lines lines, List<String> errors) {
        int line = lines.lineNumbers().get(0);
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
        return Optional.of(new CravingEntry(instrument.orElseThrow().toUpperCase(Locale.ROOT), assessed.orElseThrow(),
                Map.copyOf(responses)));
    }
}
