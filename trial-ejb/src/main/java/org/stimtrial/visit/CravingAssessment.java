package org.stimtrial.visit;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stimtrial.audit.Auditable;
import org.stimtrial.shared.BaseEntity;

/** One completed craving instrument at a visit: the item responses and the scores computed from them. */
@Entity
@Table(name = "craving_assessment")
public class CravingAssessment extends BaseEntity implements Auditable {
    @ManyToOne(optional = false)
    @JoinColumn(name = "visit_id")
    private Visit visit;
    @Column(name = "instrument_code", nullable = false)
    private String instrumentCode;
    @Column(name = "assessed_on", nullable = false)
    private LocalDate assessedOn;
    @OneToMany(mappedBy = "assessment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("itemCode")
    private List<ItemResponse> responses = new ArrayList<>();
    @OneToMany(mappedBy = "assessment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("scaleCode")
    private List<ScaleScore> scores = new ArrayList<>();
    @Version
    private long version;

    protected CravingAssessment() {
    }

    public CravingAssessment(Visit visit, String instrumentCode, LocalDate assessedOn,
                             Map<String, BigDecimal> responses, Map<String, BigDecimal> scores) {
        this.visit = Objects.requireNonNull(visit);
        this.instrumentCode = Objects.requireNonNull(instrumentCode);
        record(assessedOn, responses, scores);
    }

    /** Replaces the answers and scores (already checked and computed by the instrument). */
    public void record(LocalDate date, Map<String, BigDecimal> newResponses, Map<String, BigDecimal> newScores) {
        this.assessedOn = Objects.requireNonNull(date);
        responses.removeIf(r -> !newResponses.containsKey(r.itemCode()));
        newResponses.forEach((code, value) -> responses.stream().filter(r -> r.itemCode().equals(code)).findFirst()
                .ifPresentOrElse(r -> r.value(value), () -> responses.add(new ItemResponse(this, code, value))));
        scores.removeIf(s -> !newScores.containsKey(s.scaleCode()));
        newScores.forEach((code, value) -> scores.stream().filter(s -> s.scaleCode().equals(code)).findFirst()
                .ifPresentOrElse(s -> s.score(value), () -> scores.add(new ScaleScore(this, code, value))));
    }

    public Visit visit() {
        return visit;
    }

    public String instrumentCode() {
        return instrumentCode;
    }

    public LocalDate assessedOn() {
        return assessedOn;
    }

    public Map<String, BigDecimal> responses() {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        responses.forEach(r -> map.put(r.itemCode(), r.value()));
        return map;
    }

    public Map<String, BigDecimal> scores() {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        scores.forEach(s -> map.put(s.scaleCode(), s.score()));
        return map;
    }

    public long version() {
        return version;
    }

    @Override
    public String auditType() {
        return "CravingAssessment";
    }

    @Override
    public String auditId() {
        return Long.toString(id());
    }

    @Override
    public long auditSubjectId() {
        return visit.subject().id();
    }

    @Override
    public Map<String, String> auditState() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("visit", visit.definition().code());
        state.put("instrument", instrumentCode);
        state.put("assessedOn", assessedOn.toString());
        responses().forEach((k, v) -> state.put("responses." + k, Values.text(v)));
        scores().forEach((k, v) -> state.put("scores." + k, Values.text(v)));
        return state;
    }
}
