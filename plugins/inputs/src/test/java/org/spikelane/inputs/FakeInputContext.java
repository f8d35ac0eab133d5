package org.spikelane.inputs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.spikelane.random.RandomStream;
import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.spi.SpikeSource;

/** A stand-in for the simulation: builds a kernel from raw parameters and samples its current. */
final class FakeInputContext implements InputContext {
    final double dt;
    final int size;
    /** Population indices, ascending, or null for every neuron. */
    final int[] targets;
    final long seed;
    final Map<String, SpikeSource> sources = new HashMap<>();
    String owner = "input 'test'";

    /** @param targets population indices, or null for every neuron */
    FakeInputContext(double dt, int size, int[] targets, long seed) {
        this.dt = dt;
        this.size = size;
        // as Network.addInput: targets ascending, per-neuron lists moved along (see create)
        this.order = targets == null ? null : IntStream.range(0, targets.length).boxed()
                .sorted(java.util.Comparator.comparingInt(k -> targets[k])).mapToInt(Integer::intValue).toArray();
        this.targets = targets == null ? null : java.util.Arrays.stream(order).map(k -> targets[k]).toArray();
        this.seed = seed;
    }

    /** Listed position of each ascending target, to reorder per-neuron lists given in the listed order. */
    private final int[] order;

    private Params resolved(InputPlugin plugin, Map<String, ?> raw, int n) {
        Params params = Params.resolve(owner, plugin.params(), raw, n);
        return order == null ? params : params.reordered(order);
    }

    static FakeInputContext whole(int size) { return new FakeInputContext(1e-4, size, null, 1); }

    /** {@link #whole} with a population {@code source} of the same size that spikes {@code spikes} every step. */
    static FakeInputContext wholeWithSpikes(int size, String source, List<Integer> spikes) {
        FakeInputContext context = whole(size);
        ScriptedSpikes src = new ScriptedSpikes(source, size);
        src.set(spikes);
        context.sources.put(source, src);
        return context;
    }

    @Override public double dt() { return dt; }

    @Override public long toSteps(double seconds) { return Math.round(seconds / dt); }

    @Override public int populationSize() { return size; }

    @Override public int[] neurons() { return targets != null ? targets.clone() : IntStream.range(0, size).toArray(); }

    @Override public boolean allNeurons() { return targets == null; }

    private long streamsHandedOut;

    @Override public RandomStream randomStream() { return RandomStream.root(seed).substream(streamsHandedOut++); }

    @Override public RandomStream randomStream(String name) { return RandomStream.root(seed).substream(name); }

    @Override public SpikeSource spikesOf(String population, String parameter) {
        SpikeSource s = sources.get(population);
        if (s == null) throw new ParameterException(owner, parameter, "unknown population '" + population + "'");
        return s;
    }

    @Override public String owner() { return owner; }

    /** Resolves {@code raw} against the plugin's declarations (as Network.addInput does) and creates the kernel. */
    InputKernel create(InputPlugin plugin, Map<String, ?> raw) {
        owner = "input '" + plugin.name() + "'";
        int n = targets == null ? size : targets.length;
        Params params = resolved(plugin, raw, n);
        return plugin.create(this, params);
    }

    /** As {@link #create}, the fixed-point kernel on {@code target}. */
    FixedInputKernel createFixed(InputPlugin plugin, Map<String, ?> raw, FixedTarget target) {
        owner = "input '" + plugin.name() + "'";
        int n = targets == null ? size : targets.length;
        return plugin.createFixed(this, resolved(plugin, raw, n), target);
    }

    /**
     * drive[n][i]: what the fixed kernel adds to neuron i at step n, on a cleared accumulator
     * (as the LIF kernel leaves it); padding lanes must stay 0.
     */
    int[][] runFixed(FixedInputKernel kernel, FakeFixedTarget target, int steps) {
        int[][] out = new int[steps][];
        int[] drive = target.drive;
        for (int n = 0; n < steps; n++) {
            java.util.Arrays.fill(drive, 0);
            kernel.beginStep(n);
            kernel.addDrive(n, 0, drive.length, drive);
            for (int i = size; i < drive.length; i++) {
                if (drive[i] != 0) throw new AssertionError("step " + n + ": padding lane " + i + " got " + drive[i]);
            }
            out[n] = java.util.Arrays.copyOf(drive, size);
        }
        return out;
    }

    /** current[n][i]: what the kernel adds to neuron i at step n, starting from a zero accumulator. */
    float[][] run(InputKernel kernel, int steps) {
        float[][] out = new float[steps][];
        // padded like a population accumulator, so vector paths see the layout they get in a simulation
        int padded = org.spikelane.simd.Simd.padded(size);
        for (int n = 0; n < steps; n++) {
            float[] acc = new float[padded];
            kernel.beginStep(n);
            kernel.addCurrent(n, 0, acc.length, acc);
            for (int i = size; i < padded; i++) {
                if (acc[i] != 0) throw new AssertionError("step " + n + ": padding lane " + i + " got " + acc[i]);
            }
            out[n] = java.util.Arrays.copyOf(acc, size);
        }
        return out;
    }

    /** A spike source whose spikes are set by the test before each step. */
    static final class ScriptedSpikes implements SpikeSource {
        final String name;
        final int size;
        final int[] spikes;
        int count;

        ScriptedSpikes(String name, int size) {
            this.name = name;
            this.size = size;
            this.spikes = new int[size];
        }

        void set(List<Integer> neurons) {
            count = neurons.size();
            for (int k = 0; k < count; k++) spikes[k] = neurons.get(k);
        }

        @Override public String name() { return name; }
        @Override public int size() { return size; }
        @Override public int spikeCount() { return count; }
        @Override public int[] spikes() { return spikes; }
    }
}
