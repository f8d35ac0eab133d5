package org.spikelane.net;

import java.util.List;
import java.util.Map;
import org.spikelane.spi.ParameterException;
import org.spikelane.units.Dimension;
import org.spikelane.units.UnitException;
import org.spikelane.units.Units;

/**
 * Which of a synapse's allowed weight dimensions the user wrote: "4 nS" is a conductance,
 * "1.62 mV" a voltage; plain numbers take the first allowed dimension. Lists and distributions
 * are judged by their first value ({@code mean} / {@code low}); {@code Values.expand} then
 * checks every value against that dimension.
 */
final class WeightUnits {
    private WeightUnits() {}

    static Dimension of(Object raw, List<Dimension> allowed, String owner, String field) {
        Object sample = raw;
        while (true) {
            if (sample instanceof List<?> list && !list.isEmpty()) sample = list.get(0);
            else if (sample instanceof Map<?, ?> map && !map.isEmpty()) sample = map.values().iterator().next();
            else break;
        }
        if (sample instanceof Number) return allowed.get(0);
        if (sample instanceof String text) {
            for (Dimension d : allowed) {
                try {
                    Units.parse(text, d, field);
                    return d;
                } catch (UnitException e) {
                    // try the next allowed dimension
                }
            }
        }
        StringBuilder expected = new StringBuilder();
        for (Dimension d : allowed) {
            if (!expected.isEmpty()) expected.append(" or ");
            expected.append("a ").append(d.label()).append(" such as '").append(d.example()).append("'");
        }
        throw new ParameterException(owner, field, "expected " + expected + ", got " + raw);
    }
}
