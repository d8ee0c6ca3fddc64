package org.stimtrial.imports;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.visit.Analyte;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;
import org.stimtrial.visit.QualitativeResult;
import org.stimtrial.visit.SpecimenSource;
import org.stimtrial.visit.SpecimenValidity;

/**
 * Urine drug screens: one row per specimen and analyte (LOINC), the rows of one specimen forming one record.
 * {@code cutoff_ng_ml} may be empty.
 */
final class UrineScreenCsv extends CsvRecords<UrineScreenEntry> {
    UrineScreenCsv() {
        super("specimen_id", List.of("specimen_id", "collected_at", "source", "validity", "loinc", "result",
                "cutoff_ng_ml"));
    }

    @Override
    ImportItem item(Where where, UrineScreenEntry form) {
        return new ImportItem.UrineScreen(where.site(), where.screeningNumber(), where.visit(), form);
    }

    @Override
    Optional<UrineScreenEntry> form(Lines lines, List<String> errors) {
        int line = lines.lineNumbers().get(0);
        Optional<String> specimen = same(lines, "specimen_id", errors);
        Optional<OffsetDateTime> collected = same(lines, "collected_at", errors)
                .flatMap(v -> dateTime(v, line, "collected_at", errors));
        Optional<SpecimenSource> source = same(lines, "source", errors)
                .flatMap(v -> choice(SpecimenSource.class, v, line, "source", errors));
        Optional<SpecimenValidity> validity = same(lines, "validity", errors)
                .flatMap(v -> choice(SpecimenValidity.class, v, line, "validity", errors));
        List<AnalyteEntry> results = new ArrayList<>();
        for (int i = 0; i < lines.values().size(); i++) {
            Map<String, String> row = lines.values().get(i);
            int at = lines.lineNumbers().get(i);
            Optional<Analyte> analyte = Analyte.byLoinc(row.get("loinc"));
            if (analyte.isEmpty()) {
                errors.add("line " + at + ": LOINC '" + row.get("loinc") + "' is not a urine screen this trial"
                        + " records");
            }
            Optional<QualitativeResult> result = choice(QualitativeResult.class, row.get("result"), at, "result",
                    errors);
            Optional<BigDecimal> cutoff = Optional.empty();
            if (!row.get("cutoff_ng_ml").isEmpty()) {
                try {
                    cutoff = Optional.of(new BigDecimal(row.get("cutoff_ng_ml")));
                } catch (NumberFormatException e) {
                    errors.add("line " + at + ": cutoff_ng_ml '" + row.get("cutoff_ng_ml") + "' is not a number");
                }
            }
            if (analyte.isPresent() && result.isPresent()) {
                results.add(new AnalyteEntry(analyte.get(), result.get(), cutoff));
            }
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UrineScreenEntry(specimen.orElseThrow(), collected.orElseThrow(), source.orElseThrow(),
                validity.orElseThrow(), List.copyOf(results)));
    }
}
