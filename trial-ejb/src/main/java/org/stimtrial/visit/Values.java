package org.stimtrial.visit;

import java.math.BigDecimal;

/** How numbers are written in the audit trail and the API: plain decimal notation, no trailing zeros. */
final class Values {
    private Values() {
    }

    static String text(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
