package org.stimtrial.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.stimtrial.shared.BaseEntity;

/** The answer to one item of a craving instrument. */
@Entity
@Table(name = "craving_item_response")
public class ItemResponse extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "assessment_id")
    private CravingAssessment assessment;
    @Column(name = "item_code", nullable = false)
    private String itemCode;
    @Column(name = "item_value", nullable = false)
    private BigDecimal value;

    protected ItemResponse() {
    }

    ItemResponse(CravingAssessment assessment, String itemCode, BigDecimal value) {
        this.assessment = assessment;
        this.itemCode = itemCode;
        this.value = value;
    }

    String itemCode() {
        return itemCode;
    }

    BigDecimal value() {
        return value;
    }

    void value(BigDecimal newValue) {
        this.value = newValue;
    }
}
