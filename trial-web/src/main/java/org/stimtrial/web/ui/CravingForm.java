package org.stimtrial.web.ui;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.stimtrial.instrument.Instrument;
import org.stimtrial.visit.FormViews.CravingView;

/**
 * What a craving form holds between requests: the instrument's items, the responses typed so far, and, once the
 * form was saved, its version (a later save is a change that needs a reason).
 */
public final class CravingForm implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One question, with the range the input accepts. */
    public record Item(String code, String label, double min, double max, boolean integer) implements Serializable {
        public String rangeMessage() {
            return "must be between " + number(min) + " and " + number(max) + (integer ? " (whole numbers)" : "");
        }

        private static String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    private final String instrument;
    private final String name;
    private final String description;
    private final List<Item> items;
    private final HashMap<String, BigDecimal> responses = new HashMap<>();
    private final HashMap<String, BigDecimal> scores = new HashMap<>();
    private LocalDate assessedOn;
    private long version;
    private boolean saved;
    private String reason;

    CravingForm(Instrument instrument) {
        this.instrument = instrument.code();
        this.name = instrument.name();
        this.description = instrument.description();
        this.items = instrument.items().stream().map(i -> new Item(i.code(), i.label(), i.min().doubleValue(),
                i.max().doubleValue(), i.integer())).toList();
    }

    /** Shows what is saved. */
    void show(CravingView saved) {
        responses.clear();
        responses.putAll(saved.responses());
        scores.clear();
        scores.putAll(saved.scores());
        assessedOn = saved.assessedOn();
        version = saved.version();
        this.saved = true;
        reason = null;
    }

    public String getInstrument() {
        return instrument;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public List<Item> getItems() {
        return items;
    }

    public Map<String, BigDecimal> getResponses() {
        return responses;
    }

    public Map<String, BigDecimal> getScores() {
        return scores;
    }

    public boolean isSaved() {
        return saved;
    }

    OptionalLong version() {
        return saved ? OptionalLong.of(version) : OptionalLong.empty();
    }

    public LocalDate getAssessedOn() {
        return assessedOn;
    }

    public void setAssessedOn(LocalDate assessedOn) {
        this.assessedOn = assessedOn;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
