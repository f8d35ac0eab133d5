package org.spikelane;

import java.util.List;
import org.spikelane.spi.Accumulate;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.PluginRegistry;
import org.spikelane.spi.Range;
import org.spikelane.units.Dimension;

/** Test-only input so that engine tests need no plugin module: one constant current. */
public final class ConstantCurrent implements InputPlugin {
    public static PluginRegistry registry() { return new PluginRegistry().register(new ConstantCurrent()); }

    @Override public String name() { return "constant"; }

    @Override public String description() { return "constant current (tests)"; }

    @Override public List<ParamSpec> params() {
        return List.of(ParamSpec.quantity("amplitude", Dimension.CURRENT, null, Range.any(), "current"));
    }

    @Override public InputKernel create(InputContext context, Params params) {
        int[] neurons = context.allNeurons() ? null : context.neurons();
        int n = context.populationSize();
        float[] amplitude = {(float) params.get("amplitude")};
        return new InputKernel() {
            @Override public void addCurrent(long step, int from, int to, float[] current) {
                Accumulate.add(current, from, to, neurons, n, amplitude[0]);
            }

            @Override public List<String> settableParameters() { return List.of("amplitude"); }

            @Override public void set(String param, int neuron, double value) {
                amplitude[0] = (float) value;
            }
        };
    }
}
