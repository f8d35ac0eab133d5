package org.spikelane.inputs;

import java.util.List;
import org.spikelane.random.RandomStream;
import org.spikelane.spi.Accumulate;
import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Range;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * {@code gaussian_noise}: a piecewise constant current (NEST's {@code noise_generator}). Inside
 * the window, interval {@code j = (n - startStep) / intervalSteps} carries
 * {@code mean_i + std_i z(j, i)} on target neuron {@code i}, {@code z} a standard normal drawn at
 * position (j, i) of the input's stream: independent between neurons and between intervals, and a
 * pure function of the step, so no split, thread count or restore changes it.
 *
 * <p>Each range redraws its own slots at the first step of an interval and holds them in
 * the kernel's {@code value} array until the next one (the normal costs a logarithm and a cosine, too much for
 * every step of a long interval); that array is the only state.
 */
public final class GaussianNoiseInput implements InputPlugin {
    static final String MEAN = "mean";
    static final String STD = "std";
    static final String INTERVAL = "interval";

    @Override public String name() { return "gaussian_noise"; }

    @Override public String description() {
        return "Gaussian white current, a new value per target every interval (NEST noise_generator)";
    }

    @Override public List<ParamSpec> params() {
        return List.of(
                ParamSpec.perNeuron(MEAN, Dimension.CURRENT, 0.0, Range.any(), "mean current"),
                ParamSpec.perNeuron(STD, Dimension.CURRENT, null, Range.nonNegative(), "standard deviation of the current"),
                ParamSpec.quantity(INTERVAL, Dimension.TIME, Double.NaN, Range.positive(),
                        "time between new values, a whole number of steps; absent: every step"),
                Window.startSpec(),
                Window.stopSpec(false));
    }

    @Override public InputKernel create(InputContext context, Params params) {
        Noise noise = noise(context, params);
        float[] value = new float[noise.targets.count];
        return new InputKernel() {
            @Override public void addCurrent(long step, int from, int to, float[] current) {
                if (!noise.window.contains(step)) return;
                long interval = noise.intervalStartingAt(step);
                if (interval >= 0) {
                    for (int k = noise.targets.firstSlot(from), end = noise.targets.firstSlot(to); k < end; k++) {
                        value[k] = (float) noise.amperes(interval, k);
                    }
                }
                Accumulate.add(current, from, to, noise.targets.indices, value, noise.targets.count);
            }

            @Override public void declareState(StateDeclarer s) {
                noise.declareState(s);
                s.array("value", Role.STATE, "A", value);
            }
        };
    }

    /** The same draws, each quantized to {@code R_i I} in LSB_v (clipped and counted) when it is drawn. */
    @Override public FixedInputKernel createFixed(InputContext context, Params params, FixedTarget target) {
        Noise noise = noise(context, params);
        int[] value = FixedDrive.slots(noise.targets, target);
        boolean vector = target.vector();
        return new FixedInputKernel() {
            @Override public void addDrive(long step, int from, int to, int[] drive) {
                if (!noise.window.contains(step)) return;
                long interval = noise.intervalStartingAt(step);
                if (interval >= 0) {
                    for (int k = noise.targets.firstSlot(from), end = noise.targets.firstSlot(to); k < end; k++) {
                        value[k] = FixedDrive.quantize(target, noise.targets.neuron(k), noise.amperes(interval, k));
                    }
                }
                FixedDrive.add(target, drive, from, to, noise.targets, value, vector);
            }

            @Override public void declareState(StateDeclarer s) {
                noise.declareState(s);
                s.array("value", Role.STATE, "LSB_v", value);
            }
        };
    }

    private static Noise noise(InputContext context, Params params) {
        Targets targets = new Targets(context);
        long intervalSteps = 1;
        if (params.given(INTERVAL)) {
            double interval = params.get(INTERVAL);
            intervalSteps = context.toSteps(interval);
            if (intervalSteps < 1 || Math.abs(intervalSteps * context.dt() - interval) > 1e-9 * interval) {
                throw params.error(INTERVAL, "must be a whole number of steps of " + Window.time(context.dt())
                        + ", got " + Window.time(interval));
            }
        }
        return new Noise(targets, Window.of(context, params), intervalSteps, params.perNeuron(MEAN, targets.count),
                params.perNeuron(STD, targets.count), context.randomStream());
    }

    /** What the float and fixed kernels share: targets, window, interval, and the draw. */
    record Noise(Targets targets, Window window, long intervalSteps, double[] mean, double[] std, RandomStream random) {
        /** The index of the interval that starts at {@code step} (inside the window), or -1 mid-interval: the value holds. */
        long intervalStartingAt(long step) {
            long offset = step - window.startStep();
            return offset % intervalSteps == 0 ? offset / intervalSteps : -1;
        }

        /** The current of slot {@code k} in interval {@code interval}, in amperes. */
        double amperes(long interval, int k) {
            return mean[k] + std[k] * random.gaussian(interval, targets.neuron(k));
        }

        void declareState(StateDeclarer s) {
            targets.declareState(s);
            s.array("mean", Role.PARAMETER, "A", mean);
            s.array("std", Role.PARAMETER, "A", std);
        }
    }
}
