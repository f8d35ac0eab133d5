package org.spikelane.neuron;

import java.util.List;
import java.util.Map;
import org.spikelane.random.RandomStream;
import org.spikelane.record.Variable;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Range;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * A source population of independent Poisson spike trains (Brian2's {@code PoissonGroup}): on each
 * step {@code n} of its window {@code [start, stop)} neuron {@code i} spikes with probability
 * {@code p_i = rate_i dt}, drawn at position (n, i) of its own {@link RandomStream}. In discrete
 * time this is a Bernoulli process: the mean rate is exactly {@code rate}, inter-spike intervals
 * are geometric with {@code CV = sqrt(1 - rate dt)}, and a count over {@code T} steps has Fano
 * factor {@code 1 - rate dt} (docs/inputs.md, "poisson population").
 *
 * <p>Each draw depends on the step and the neuron index only, so any split of the neurons into
 * ranges, on any number of threads, and a run restored from a checkpoint, give the same spikes;
 * the population keeps no generator state. The test is one 64-bit hash and one integer compare per
 * neuron: {@code bits >>> 11 < round(p 2^53)}, the same as {@code uniform < p} without a float.
 */
public final class PoissonPopulation extends Population {
    public static final String RATE = "rate";
    public static final String START = "start";
    public static final String STOP = "stop";

    public static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.perNeuron(RATE, Dimension.FREQUENCY, null, Range.nonNegative(),
                    "mean firing rate: one value, one per neuron, or a distribution; rate * dt must be <= 1"),
            ParamSpec.quantity(START, Dimension.TIME, 0.0, Range.nonNegative(), "first step with spikes (rounded to a step)"),
            ParamSpec.quantity(STOP, Dimension.TIME, Double.POSITIVE_INFINITY, Range.positive(),
                    "first step without spikes, exclusive (rounded to a step); absent: never stops"));

    /** {@code round(rate dt 2^53)} per neuron: a neuron spikes when the top 53 bits of its draw are below it. */
    private final long[] threshold;
    /** The window in steps and the spike stream; not final only so that a checkpoint restores them as declared. */
    private long startStep;
    private long stopStep;
    private RandomStream random;

    /**
     * @param params resolved against {@link #PARAMS} with one rate per neuron (see {@link #resolve})
     * @param random the population's spike stream
     */
    public PoissonPopulation(String name, int size, double dt, Params params, RandomStream random) {
        super(name, size);
        double[] rate = params.perNeuron(RATE, size);
        threshold = new long[size];
        for (int i = 0; i < size; i++) {
            double p = rate[i] * dt;
            if (p > 1) {
                throw params.error(RATE, "rate * dt must be <= 1 (at most one spike per step), got "
                        + Units.format(rate[i], Dimension.FREQUENCY) + " for neuron " + i + " with dt = "
                        + Units.format(dt, Dimension.TIME));
            }
            threshold[i] = Math.round(Math.scalb(p, 53));
        }
        double start = params.get(START), stop = params.get(STOP);
        if (!(stop > start)) {
            throw params.error(STOP, "must be after start (" + Units.format(start, Dimension.TIME) + "), got "
                    + Units.format(stop, Dimension.TIME));
        }
        startStep = Math.round(start / dt);
        stopStep = Double.isInfinite(stop) ? Long.MAX_VALUE : Math.round(stop / dt);
        if (stopStep <= startStep) {
            throw params.error(STOP, "the window is empty once rounded to whole steps of " + Units.format(dt, Dimension.TIME));
        }
        this.random = random;
    }

    /**
     * Checks {@code raw} against {@link #PARAMS}; a rate distribution is drawn for neuron i at
     * position (0, i) of {@code parameters.substream("rate")}, as LIF parameters are.
     */
    public static Params resolve(String name, int size, Map<String, ?> raw, RandomStream parameters) {
        return Params.resolve("population '" + name + "'", PARAMS, raw, size, parameters);
    }

    @Override
    protected int updateRange(long step, int from, int to) {
        if (step < startStep || step >= stopStep) return 0;
        int count = 0;
        for (int i = from, end = Math.min(to, size()); i < end; i++) {
            // a rate of 0 has threshold 0 and never spikes; rate dt = 1 has 2^53 and always does
            if (random.bits(step, i) >>> 11 < threshold[i]) spikes[from + count++] = i;
        }
        return count;
    }

    @Override
    public List<String> variableNames() { return List.of(); }

    @Override
    public Variable variable(String name) {
        throw new IllegalArgumentException("poisson population '" + name() + "' has no state variables to record");
    }

    @Override
    public void declareState(StateDeclarer s) {
        super.declareState(s);
        s.array("threshold", Role.PARAMETER, "2^-53", threshold);
        s.scalar("startStep", Role.PARAMETER, "steps", () -> startStep, v -> startStep = v);
        s.scalar("stopStep", Role.PARAMETER, "steps", () -> stopStep, v -> stopStep = v);
        s.scalar("streamKey", Role.PARAMETER, StateDeclarer.NO_UNIT, () -> random.key(), v -> random = RandomStream.ofKey(v));
    }
}
