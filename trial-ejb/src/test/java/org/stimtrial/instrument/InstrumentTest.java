package org.stimtrial.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.ValidationFailedException;

class InstrumentTest {
    private static final InstrumentCatalog CATALOG = InstrumentCatalog.shipped();

    @Test
    void theThreeShippedInstrumentsLoadWithTheirScales() {
        assertEquals(List.of("VAS", "BSCS", "ACQ"), CATALOG.all().stream().map(Instrument::code).toList());
        Instrument acq = CATALOG.find("ACQ").orElseThrow();
        assertEquals(16, acq.items().size());
        assertEquals(List.of("desire", "positive_outcome", "relief", "lack_of_control", "total"),
                acq.scales().stream().map(InstrumentScale::code).toList());
    }

    @Test
    void vasOutsideZeroToHundredIsRejectedAndDecimalsAreAllowed() {
        Instrument vas = CATALOG.find("VAS").orElseThrow();
        ValidationFailedException e = assertThrows(ValidationFailedException.class,
                () -> vas.score(Map.of("vas", new BigDecimal("120"))));
        assertEquals(List.of(new FieldError("responses.vas", "must be between 0 and 100")), e.errors());
        assertThrows(ValidationFailedException.class, () -> vas.score(Map.of("vas", new BigDecimal("-0.1"))));
        assertEquals(new BigDecimal("37.5"), vas.score(Map.of("vas", new BigDecimal("37.5"))).get("craving"));
        assertEquals("100", vas.score(Map.of("vas", new BigDecimal("100.00"))).get("craving").toPlainString());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Instrument bscs = CATALOG.find("BSCS").orElseThrow();
        ValidationFailedException e = assertThrows(ValidationFailedException.class, () -> bscs.score(Map.of(
                "intensity", new BigDecimal("2.5"), "frequency", new BigDecimal("5"), "colour", BigDecimal.ONE)));
        assertEquals(List.of(new FieldError("responses.intensity", "must be a whole number"),
                new FieldError("responses.frequency", "must be between 0 and 4"),
                new FieldError("responses.length", "is required"),
                new FieldError("responses.colour", "is not an item of instrument BSCS")), e.errors());
    }

    @Test
    void subscalesAreMeansWithReverseItemsScoredEightMinusTheAnswer() {
        Instrument acq = CATALOG.find("ACQ").orElseThrow();
        Map<String, BigDecimal> answers = new HashMap<>();
        acq.items().forEach(i -> answers.put(i.code(), BigDecimal.valueOf(7)));
        Map<String, BigDecimal> scores = acq.score(answers);
        // Desire: du1, du3, du4 = 7 and du2 reversed = 1 -> (7 + 1 + 7 + 7) / 4 = 5.5
        assertEquals(new BigDecimal("5.5"), scores.get("desire"));
        // Total: 12 items at 7 and 4 reversed items at 1 -> (84 + 4) / 16 = 5.5
        assertEquals(new BigDecimal("5.5"), scores.get("total"));
        BigDecimal bscsTotal = CATALOG.find("BSCS").orElseThrow().score(Map.of("intensity", BigDecimal.valueOf(3),
                "frequency", BigDecimal.valueOf(2), "length", BigDecimal.ONE)).get("total");
        assertEquals(BigDecimal.valueOf(6), bscsTotal);
        assertTrue(scores.values().stream().allMatch(v -> v.scale() >= 0));
    }
}
