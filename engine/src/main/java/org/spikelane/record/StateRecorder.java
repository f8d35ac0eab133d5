package org.spikelane.record;

import java.util.Arrays;
import java.util.List;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * Samples chosen variables of chosen neurons every {@code every} steps. A sample stamped
 * {@code t_n} is the state at the start of step {@code n} (Brian2's {@code start} slot), taken
 * after that step's inputs were evaluated so that input currents are the ones held over step n.
 * Storage grows by doubling, or is sized once by {@link #reserve} when the run's length is known;
 * no allocation per step once warm. Sizes are computed in long arithmetic: a recording too large
 * for one Java array is refused with a message, never a negative array size.
 */
public final class StateRecorder implements StateOwner {
    /** The most elements one Java array can hold on common JVMs. */
    public static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final String population;
    private final Variable[] variables;
    private final int[] neurons;
    private final long every;
    private final double dt;
    private float[] values;
    private long[] steps;
    private int samples;

    public StateRecorder(String population, List<Variable> variables, int[] neurons, long every, double dt) {
        this.population = population;
        this.variables = variables.toArray(Variable[]::new);
        this.neurons = neurons.clone();
        this.every = every;
        this.dt = dt;
        long perSample = valuesPerSample();
        if (perSample > MAX_ARRAY) {
            throw new IllegalStateException("state recorder of '" + population + "': " + neurons.length + " neurons x "
                    + variables.size() + " variables = " + perSample + " values per sample, more than the " + MAX_ARRAY
                    + " one recording can hold; record fewer neurons or variables");
        }
        // at most about 64k values before the first growth: a recorder of millions of neurons must not
        // allocate 256 samples' worth up front, before reserve() or the first sample says what is needed
        int initial = (int) Math.max(1, Math.min(256, (1 << 16) / Math.max(1, perSample)));
        this.steps = new long[initial];
        this.values = new float[initial * channels()];
    }

    private int channels() { return variables.length * neurons.length; }

    /** Values per sample: recorded variables x recorded neurons. */
    public long valuesPerSample() { return (long) variables.length * neurons.length; }

    /** Samples a run over steps {@code [first, end)} takes: the multiples of {@code every} in that range. */
    public static long samplesBetween(long first, long end, long every) {
        if (end <= first) return 0;
        return Math.floorDiv(end - 1, every) - Math.floorDiv(first - 1, every);
    }

    /** Samples a run over steps {@code [first, end)} takes with this recorder's interval. */
    public long samplesBetween(long first, long end) { return samplesBetween(first, end, every); }

    /**
     * Makes room for {@code more} samples beyond those taken so far, at once: a run that knows its
     * length allocates its whole recording before the first step (so a recording that does not fit
     * fails before the run, not at the end of it) and never doubles past what it needs.
     *
     * @throws IllegalStateException if the recording would not fit in one Java array
     */
    public void reserve(long more) {
        long capacity = samples + Math.max(0, more);
        if (capacity > steps.length) grow(capacity);
    }

    private void grow(long capacity) {
        long count = capacity * channels();
        if (capacity > MAX_ARRAY || count > MAX_ARRAY) {
            throw new IllegalStateException("state recorder of '" + population + "': " + capacity + " samples x " + channels()
                    + " values (neurons x variables) = " + count + " values, more than the " + MAX_ARRAY
                    + " one recording can hold; record fewer neurons or variables, or sample less often (every)");
        }
        steps = Arrays.copyOf(steps, (int) capacity);
        values = Arrays.copyOf(values, (int) count);
    }

    /** Whether a sample is taken at {@code step}: a multiple of the recording interval. */
    public boolean samplesAt(long step) { return step % every == 0; }

    /** Takes a sample if {@code step} is a multiple of the recording interval. */
    public void sample(long step) {
        if (!samplesAt(step)) return;
        beginSample(step);
        sampleRange(0, Integer.MAX_VALUE);
        endSample();
    }

    /**
     * A sample taken in ranges (a threaded step): {@code beginSample} once on one thread, then
     * {@link #sampleRange} for ranges that cover the population (at the same time: each writes only
     * the values of its own neurons), then {@link #endSample} once.
     */
    public void beginSample(long step) {
        if (samples == steps.length) {
            // doubling, capped at the largest array; long arithmetic so that the cap is reached, not overflowed
            long limit = channels() == 0 ? MAX_ARRAY : MAX_ARRAY / channels();
            grow(samples >= limit ? samples + 1L : Math.min(samples * 2L, limit));
        }
        steps[samples] = step;
    }

    /** The recorded neurons of {@code [from, to)} into the sample begun by {@link #beginSample}. */
    public void sampleRange(int from, int to) {
        int base = samples * channels();
        for (int v = 0; v < variables.length; v++) {
            for (int k = 0; k < neurons.length; k++) {
                int neuron = neurons[k];
                if (neuron >= from && neuron < to) values[base + v * neurons.length + k] = (float) variables[v].value(neuron);
            }
        }
    }

    /** Completes the sample begun by {@link #beginSample}. */
    public void endSample() { samples++; }

    /** Forgets every sample (a restored simulation records its resumed part only). */
    public void clear() { samples = 0; }

    public String population() { return population; }

    public List<Variable> variables() { return List.of(variables); }

    public int[] neurons() { return neurons.clone(); }

    public int samples() { return samples; }

    public long step(int sample) { return steps[sample]; }

    public double time(int sample) { return steps[sample] * dt; }

    /** Value in SI units of variable {@code v} (index into {@link #variables()}) for the k-th recorded neuron. */
    public double value(int sample, int v, int k) {
        return values[sample * channels() + v * neurons.length + k];
    }

    /** The whole trace of one variable of one recorded neuron (a population index). */
    public double[] trace(String variable, int neuron) {
        int v = -1;
        for (int i = 0; i < variables.length; i++) if (variables[i].name().equals(variable)) v = i;
        int k = -1;
        for (int i = 0; i < neurons.length; i++) if (neurons[i] == neuron) k = i;
        if (v < 0 || k < 0) {
            throw new IllegalArgumentException("not recorded: variable '" + variable + "' of neuron " + neuron + " in '" + population + "'");
        }
        double[] out = new double[samples];
        for (int s = 0; s < samples; s++) out[s] = value(s, v, k);
        return out;
    }

    /**
     * Samples are output, not state: a checkpoint leaves them out, and a resumed run samples at the
     * same absolute steps (multiples of {@code every}) from its first step on.
     */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("neurons", Role.RECORDING, "neuron", neurons);
        s.resizable("values", Role.RECORDING, "SI", () -> values, a -> values = (float[]) a);
        s.resizable("steps", Role.RECORDING, "steps", () -> steps, a -> steps = (long[]) a);
        s.scalar("samples", Role.RECORDING, StateDeclarer.NO_UNIT, () -> samples, n -> samples = (int) n);
    }
}
