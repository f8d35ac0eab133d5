package org.spikelane.net;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.spikelane.spi.Values;
import org.spikelane.units.Dimension;

/**
 * How a projection's delays spread over whole steps, from its blueprint, for the memory estimate:
 * each distinct delay is a group with its own row starts ({@code sources + 1} ints,
 * {@link SynapseTable}), and the longest sets the length of the ring of recent spike lists
 * ({@link SpikeRing}). A value or a list is counted exactly; a distribution by the steps it can
 * reach (uniform: {@code [low, high]}; normal: {@code mean +- 6 sd}, at least 0), at most one group
 * per synapse. An upper bound, as an estimate for a heap check should be.
 *
 * @param groups   distinct delays in steps (at least 1)
 * @param maxSteps the longest delay in steps
 */
public record DelaySpread(long groups, long maxSteps) {
    /** Beyond this many steps a delay is refused when drawn ({@link ProjectionSpec#draw}); the estimate stops there too. */
    static final long LONGEST = 1_000_000;

    static DelaySpread of(Object delay, double dt, long synapses, String owner) {
        if (delay instanceof Map<?, ?> map && map.size() == 1 && map.values().iterator().next() instanceof Map<?, ?> args) {
            String kind = String.valueOf(map.keySet().iterator().next());
            double low, high;
            if (kind.equals("uniform")) {
                low = Values.scalar(args.get("low"), Dimension.TIME, owner, "delay.uniform.low");
                high = Values.scalar(args.get("high"), Dimension.TIME, owner, "delay.uniform.high");
            } else {
                double mean = Values.scalar(args.get("mean"), Dimension.TIME, owner, "delay.normal.mean");
                double sd = Values.scalar(args.get("sd"), Dimension.TIME, owner, "delay.normal.sd");
                low = mean - 6 * sd;
                high = mean + 6 * sd;
            }
            long first = Math.max(0, Math.min(LONGEST, Math.round(low / dt)));
            long last = Math.max(first, Math.min(LONGEST, Math.round(high / dt)));
            return new DelaySpread(Math.max(1, Math.min(Math.max(1, synapses), last - first + 1)), last);
        }
        TreeSet<Long> steps = new TreeSet<>();
        for (Object value : delay instanceof List<?> list ? list : List.of(delay)) {
            steps.add(Math.max(0, Math.min(LONGEST, Math.round(Values.scalar(value, Dimension.TIME, owner, "delay") / dt))));
        }
        return new DelaySpread(Math.max(1, steps.size()), steps.isEmpty() ? 0 : steps.last());
    }
}
