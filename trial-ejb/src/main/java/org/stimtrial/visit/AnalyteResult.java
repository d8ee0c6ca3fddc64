package org.stimtrial.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Optional;
import org.stimtrial.shared.BaseEntity;

/** The result of one analyte on one urine specimen, with the cutoff used and, when measured, the concentration. */
@Entity
@Table(name = "uds_analyte_result")
public class AnalyteResult extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "screen_id")
    private UrineDrugScreen screen;
    @Column(name = "loinc_code", nullable = false)
    private String loincCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QualitativeResult result;
    @Column(name = "cutoff_ng_ml")
    private BigDecimal cutoffNgMl;
    @Column(name = "concentration_ng_ml")
    private BigDecimal concentrationNgMl;

    protected AnalyteResult() {
    }

    AnalyteResult(UrineDrugScreen screen, AnalyteEntry entry) {
        this.screen = screen;
        this.loincCode = entry.analyte().loinc();
        update(entry);
    }

    void update(AnalyteEntry entry) {
        this.result = entry.result();
        this.cutoffNgMl = entry.cutoffNgMl().orElse(null);
        this.concentrationNgMl = entry.concentrationNgMl().orElse(null);
    }

    public Analyte analyte() {
        return Analyte.byLoinc(loincCode).orElseThrow();
    }

    public QualitativeResult result() {
        return result;
    }

    public Optional<BigDecimal> cutoffNgMl() {
        return Optional.ofNullable(cutoffNgMl);
    }

    /** The measured concentration, for a quantitative result. */
    public Optional<BigDecimal> concentrationNgMl() {
        return Optional.ofNullable(concentrationNgMl);
    }

    /** This result as it would be entered. */
    AnalyteEntry entry() {
        return new AnalyteEntry(analyte(), result, cutoffNgMl(), concentrationNgMl());
    }
}
