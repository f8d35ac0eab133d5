package org.spikelane.net;

import java.util.ArrayList;
import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.PluginRegistry;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.units.Dimension;

/**
 * Synapse plugins for engine tests (the real ones live in plugins/synapses, which depends on the
 * engine): {@code jump} adds the weight (V) to {@code dv}; {@code jump_ahead} does the same and
 * says so ({@link SynapseKernel#accumulator()}), so the engine may deliver it ahead; {@code log}
 * records every row it receives.
 */
final class TestSynapses {
    private TestSynapses() {}

    /** One received row: the step counter of the kernel at delivery, and the row's targets and weights. */
    record Row(long step, int[] targets, float[] weights) {}

    static final List<LogKernel> LOGS = new ArrayList<>();

    static PluginRegistry registry() {
        return new PluginRegistry().register(new Jump(false)).register(new Jump(true)).register(new Log());
    }

    static final class Jump implements SynapsePlugin {
        private final boolean ahead;

        Jump(boolean ahead) { this.ahead = ahead; }

        @Override public String name() { return ahead ? "jump_ahead" : "jump"; }

        @Override public String description() { return "v += w"; }

        @Override public boolean accumulates() { return ahead; }

        @Override public List<ParamSpec> params() { return List.of(); }

        @Override public List<Dimension> weightDimensions() { return List.of(Dimension.VOLTAGE); }

        @Override
        public SynapseKernel create(SynapseContext context, Params params) {
            float[] dv = context.target().dv();
            return new SynapseKernel() {
                @Override public void update(long step, int from, int to) {}

                @Override public void receive(int[] targets, float[] weights, int from, int to) {
                    for (int k = from; k < to; k++) dv[targets[k]] += weights[k];
                }

                @Override public float[] accumulator() { return ahead ? dv : null; }

                /** No state of its own: dv is the population's. */
                @Override public void declareState(org.spikelane.state.StateDeclarer s) { }

                @Override public List<Variable> variables() {
                    return List.of(new Constant("x", 1), new Constant("y", 2));
                }
            };
        }
    }

    record Constant(String name, double c) implements Variable {
        @Override public Dimension dimension() { return Dimension.CURRENT; }

        @Override public double value(int neuron) { return c; }
    }

    static final class Log implements SynapsePlugin {
        @Override public String name() { return "log"; }

        @Override public String description() { return "records received rows"; }

        @Override public List<ParamSpec> params() { return List.of(); }

        @Override public List<Dimension> weightDimensions() { return List.of(Dimension.CONDUCTANCE, Dimension.VOLTAGE); }

        @Override public org.spikelane.spi.Range weightRange() { return org.spikelane.spi.Range.nonNegative(); }

        @Override
        public SynapseKernel create(SynapseContext context, Params params) {
            LogKernel k = new LogKernel(context.weightDimension());
            LOGS.add(k);
            return k;
        }
    }

    static final class LogKernel implements SynapseKernel {
        final Dimension weightDimension;
        final List<Row> rows = new ArrayList<>();
        long step;

        LogKernel(Dimension weightDimension) { this.weightDimension = weightDimension; }

        @Override public void update(long step, int from, int to) { this.step = step; }

        @Override
        public void receive(int[] targets, float[] weights, int from, int to) {
            rows.add(new Row(step, java.util.Arrays.copyOfRange(targets, from, to), java.util.Arrays.copyOfRange(weights, from, to)));
        }
    }
}
