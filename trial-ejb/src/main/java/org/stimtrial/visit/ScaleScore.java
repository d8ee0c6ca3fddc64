package org.stimtrial.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.stimtrial.shared.BaseEntity;

/** A computed total or subscale score of a craving assessment, stored with it. */
@Entity
@Table(name = "craving_score")
public class ScaleScore extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "assessment_id")
    private CravingAssessment assessment;
    @Column(name = "scale_code", nullable = false)
    private String scaleCode;
    @Column(nullable = false)
    private BigDecimal score;

    protected ScaleScore() {
    }

    ScaleScore(CravingAssessment assessment, String scaleCode, BigDecimal score) {
        this.assessment = assessment;
        this.scaleCode = scaleCode;
        this.score = score;
    }

    String scaleCode() {
        return scaleCode;
    }

    BigDecimal score() {
        return score;
    }

    void score(BigDecimal newScore) {
        this.score = newScore;
    }
}
