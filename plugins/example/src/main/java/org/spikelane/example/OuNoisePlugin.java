package org.spikelane.example;

import java.util.List;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Range;
import org.spikelane.units.Dimension;

/**
 * {@code ou_noise}: an Ornstein-Uhlenbeck current, {@code tau dI = (mean - I) dt + sigma sqrt(2 tau) dW},
 * one independent process per target neuron. The plugin only declares and checks parameters;
 * {@link OuNoiseKernel} does the per-step work.
 */
public final class OuNoisePlugin implements InputPlugin {
    static final String MEAN = "mean";
    static final String SIGMA = "sigma";
    static final String TAU = "tau";
    static final String START = "start";
    static final String STOP = "stop";

    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.perNeuron(MEAN, Dimension.CURRENT, 0.0, Range.any(), "stationary mean of the current"),
            ParamSpec.perNeuron(SIGMA, Dimension.CURRENT, null, Range.nonNegative(),
                    "stationary standard deviation of the current"),
            ParamSpec.perNeuron(TAU, Dimension.TIME, null, Range.positive(), "correlation time"),
            ParamSpec.quantity(START, Dimension.TIME, 0.0, Range.nonNegative(), "first step with noise (rounded to a step)"),
            ParamSpec.quantity(STOP, Dimension.TIME, Double.NaN, Range.nonNegative(),
                    "first step without noise (rounded to a step); absent: never stops"));

    @Override public String name() { return "ou_noise"; }

    @Override public String description() {
        return "Ornstein-Uhlenbeck noise current (exact update), one process per target neuron";
    }

    @Override public List<ParamSpec> params() { return PARAMS; }

    @Override
    public InputKernel create(InputContext context, Params params) {
        int n = context.neurons().length;
        long start = context.toSteps(params.get(START));
        long stop = params.given(STOP) ? context.toSteps(params.get(STOP)) : Long.MAX_VALUE;
        if (stop <= start) {
            throw params.error(STOP, "must be after start (both are rounded to steps of " + context.dt() + " s)");
        }
        return new OuNoiseKernel(context.allNeurons() ? null : context.neurons(), context.dt(),
                params.perNeuron(MEAN, n), params.perNeuron(SIGMA, n), params.perNeuron(TAU, n),
                start, stop, context.randomStream());
    }
}
