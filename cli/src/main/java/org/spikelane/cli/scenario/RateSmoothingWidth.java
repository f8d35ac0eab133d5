package org.spikelane.cli.scenario;

import java.util.Map;
import org.spikelane.units.Dimension;

/**
 * {@code record.rate_smoothing}: the standard deviation of the Gaussian kernel that smooths each
 * population's rate (drawn over the raster's rate histogram and written to rates.csv), or 0 when
 * the scenario asks for none. From one step to the whole run.
 */
public final class RateSmoothingWidth {
    public static final String KEY = "rate_smoothing";

    private RateSmoothingWidth() {}

    /** The kernel's sigma in seconds, 0 if not given; a one-line error naming the field when out of range. */
    public static double of(Scenario scenario) {
        if (!(scenario.root().get("record") instanceof Map<?, ?> record) || !record.containsKey(KEY)) return 0;
        String path = "record." + KEY;
        Object raw = record.get(KEY);
        double sigma = scenario.tree().quantity(raw, Dimension.TIME, path);
        if (!(sigma >= scenario.dt() * (1 - 1e-9)) || sigma > scenario.duration() * (1 + 1e-9)) {
            throw scenario.sources().error(path, "must be a time from one step to the run's duration, ["
                    + ms(scenario.dt()) + ", " + ms(scenario.duration()) + "], got " + Tree.describe(raw));
        }
        return sigma;
    }

    private static String ms(double seconds) {
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.9g", seconds * 1e3)).stripTrailingZeros().toPlainString() + " ms";
    }
}
