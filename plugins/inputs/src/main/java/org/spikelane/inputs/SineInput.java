package org.spikelane.inputs;

import java.util.List;
import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Range;
import org.spikelane.units.Dimension;

/**
 * {@code sine}: {@code offset + amplitude sin(2 pi f (t_n - start) + phase)} on the steps of
 * {@code [start, stop)} and 0 outside, offset included (neurodynex {@code get_sinusoidal_current}
 * semantics: the phase is relative to the window's first step, the DC part exists only inside it).
 */
public final class SineInput implements InputPlugin {
    static final String AMPLITUDE = "amplitude";
    static final String FREQUENCY = "frequency";
    static final String PHASE = "phase";
    static final String OFFSET = "offset";

    @Override public String name() { return "sine"; }

    @Override public String description() {
        return "offset + amplitude sin(2 pi f (t - start) + phase) on [start, stop), 0 outside";
    }

    @Override public List<ParamSpec> params() {
        return List.of(
                ParamSpec.quantity(AMPLITUDE, Dimension.CURRENT, null, Range.any(), "peak deviation from the offset"),
                ParamSpec.quantity(FREQUENCY, Dimension.FREQUENCY, null, Range.nonNegative(), "frequency f"),
                ParamSpec.quantity(PHASE, Dimension.DIMENSIONLESS, 0.0, Range.any(),
                        "phase in radians at the first step of the window"),
                ParamSpec.quantity(OFFSET, Dimension.CURRENT, 0.0, Range.any(), "constant added inside the window"),
                Window.startSpec(),
                Window.stopSpec(false));
    }

    @Override public InputKernel create(InputContext context, Params params) {
        Window window = Window.of(context, params);
        double amplitude = params.get(AMPLITUDE);
        double offset = params.get(OFFSET);
        double phase = params.get(PHASE);
        double radiansPerStep = 2 * Math.PI * params.get(FREQUENCY) * context.dt();
        // the angle comes from the integer step each time, so it does not drift over long runs
        return new WindowedKernel(new Targets(context), window, k -> offset + amplitude * Math.sin(radiansPerStep * k + phase));
    }

    /**
     * {@code offset_i + amplitude_i s / 2^15}: offset and amplitude quantized once per target
     * ({@code R_i I} in LSB_v, each clipped to the contribution limit, so the sum stays below
     * 2^30), and {@code s = round(sin(...) 2^15)} formed once per step in double from the integer
     * step, exactly as the float kernel's angle (resolution 2^-15 of the amplitude, 3e-5).
     * Frequency and phase are one value per input in the float plugin too, so no per-neuron sine.
     */
    @Override public FixedInputKernel createFixed(InputContext context, Params params, FixedTarget target) {
        Window window = Window.of(context, params);
        Targets targets = new Targets(context);
        int[] amplitude = FixedDrive.quantize(target, targets, params.get(AMPLITUDE), context.owner(), AMPLITUDE);
        int[] offset = FixedDrive.quantize(target, targets, params.get(OFFSET), context.owner(), OFFSET);
        double phase = params.get(PHASE);
        double radiansPerStep = 2 * Math.PI * params.get(FREQUENCY) * context.dt();
        return new FixedWindowedKernel(targets, window, target, offset, amplitude,
                k -> (int) Math.rint(Math.sin(radiansPerStep * k + phase) * FixedDrive.UNITY));
    }
}
