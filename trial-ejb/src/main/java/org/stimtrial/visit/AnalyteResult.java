package org.stimtrial.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one analyte on one urine specimen, with the cutoff used and, when measured, the concentration. It is
 * known by its specimen and its analyte's LOINC code ({@link Key}): a specimen has at most one result per analyte.
 */
@Entity
@Table(name = "uds_analyte_result")
@IdClass(AnalyteResult.Key.class)
public class AnalyteResult {
    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "screen_id")
    private UrineDrugScreen screen;
    @Id
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

    /** The key of an analyte result: its specimen's id and its analyte's LOINC code. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private Long screen;
        private String loincCode;

        /** For the persistence provider. */
        public Key() {
        }

        public Key(long screen, String loincCode) {
            this.screen = screen;
            this.loincCode = Objects.requireNonNull(loincCode);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(screen, k.screen) && Objects.equals(loincCode,
                    k.loincCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(screen, loincCode);
        }
    }
}
