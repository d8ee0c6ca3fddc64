package org.stimtrial.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgLineChartTest {
    @Test
    void labelsAreEscapedSoThatTextCannotBecomeMarkup() {
        String svg = SvgLineChart.of("<script>x</script>", "y & z", List.of("W1", "\"W2\""))
                .withSeries("site <b>S01</b>", List.of(1.0, 2.0)).toSvg();
        assertFalse(svg.contains("<script>"), svg);
        assertFalse(svg.contains("<b>"), svg);
        assertTrue(svg.contains("&lt;script&gt;x&lt;/script&gt;"), svg);
        assertTrue(svg.contains("y &amp; z"), svg);
        assertTrue(svg.contains("&quot;W2&quot;"), svg);
    }

    @Test
    void aMissingValueBreaksTheLineAndEachValueIsAPoint() {
        String svg = SvgLineChart.of("t", "VAS", List.of("W1", "W2", "W3", "W4"))
                .withSeries("craving", Arrays.asList(80.0, null, 60.0, 50.0)).toSvg();
        Matcher path = Pattern.compile("<path [^>]*d=\"([^\"]+)\"").matcher(svg);
        assertTrue(path.find(), svg);
        String d = path.group(1);
        assertEquals(2, d.chars().filter(c -> c == 'M').count(), "two pieces: W1, then W3-W4: " + d);
        assertEquals(1, d.chars().filter(c -> c == 'L').count(), d);
        assertEquals(3, Pattern.compile("<circle cx").matcher(svg).results().count(), svg);
        assertTrue(svg.contains("craving: 80, none, 60, 50."), "the description reads the values out: " + svg);
    }

    @Test
    void theScaleTopIsANiceNumberAtOrAboveTheLargestValue() {
        assertEquals(100, SvgLineChart.niceCeiling(100));
        assertEquals(100, SvgLineChart.niceCeiling(73));
        assertEquals(25, SvgLineChart.niceCeiling(21));
        assertEquals(2, SvgLineChart.niceCeiling(1.2));
        assertEquals(1000, SvgLineChart.niceCeiling(501));
    }

    @Test
    void theUrineStripMarksNegativeWeeksFilledAndOthersOpenAndSkipsWeeksWithoutASpecimen() {
        String svg = SvgLineChart.of("t", "VAS", List.of("W1", "W2", "W3"))
                .withSeries("craving", List.of(1.0, 2.0, 3.0))
                .withStrip(new SvgLineChart.Strip("urine", "negative", "not negative",
                        List.of(Optional.of(true), Optional.empty(), Optional.of(false)))).toSvg();
        assertTrue(svg.contains("<title>W1: negative</title>"), svg);
        assertTrue(svg.contains("<title>W3: not negative</title>"), svg);
        assertFalse(svg.contains("<title>W2:"), svg);
    }

    @Test
    void valuesMustMatchTheAxis() {
        SvgLineChart chart = SvgLineChart.of("t", "y", List.of("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> chart.withSeries("s", List.of(1.0)));
    }
}
