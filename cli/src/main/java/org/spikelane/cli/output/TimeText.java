package org.spikelane.cli.output;

import java.math.BigDecimal;

/**
 * Exact decimal text of step times: {@code step * dt} printed from decimals so that 0.1 ms steps
 * read 0.0123 rather than 0.012300000000000002.
 */
public final class TimeText {
    private final BigDecimal dt;

    public TimeText(double dt) {
        this.dt = new BigDecimal(Double.toString(dt));
    }

    public String of(long step) {
        if (step == 0) return "0";
        return dt.multiply(BigDecimal.valueOf(step)).stripTrailingZeros().toPlainString();
    }
}
