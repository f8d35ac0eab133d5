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
 * {@code ramp}: {@code from + (to - from) (n - startStep) / (stopStep - startStep)} on the steps of
 * {@code [start, stop)}, 0 outside. The first step of the window carries exactly {@code from}; the
 * last one falls one step short of {@code to}, which is where the ramp would be at {@code stop}.
 */
public final class RampInput implements InputPlugin {
    static final String FROM = "from";
    static final String TO = "to";

    @Override public String name() { return "ramp"; }

    @Override public String description() { return "current rising linearly from 'from' to 'to' over [start, stop), 0 outside"; }

    @Override public List<ParamSpec> params() {
        return List.of(
                ParamSpec.quantity(FROM, Dimension.CURRENT, 0.0, Range.any(), "current at start"),
                ParamSpec.quantity(TO, Dimension.CURRENT, null, Range.any(), "current the ramp reaches at stop"),
                Window.startSpec(),
                Window.stopSpec(true));
    }

    @Override public InputKernel create(InputContext context, Params params) {
        Window window = Window.of(context, params);
        double from = params.get(FROM);
        double rise = params.get(TO) - from;
        double length = window.length();
        return new WindowedKernel(new Targets(context), window, k -> from + rise * k / length);
    }

    /**
     * {@code from_i + (to_i - from_i) q / 2^15} with {@code from_i}, {@code to_i} quantized once
     * per target and the window fraction {@code q = round(k 2^15 / length)} formed once per step
     * in long arithmetic (exact; resolution 2^-15 of the rise). {@code |to_i - from_i| <= 2^30}
     * as both are clipped to the contribution limit, and the sum stays between them.
     */
    @Override public FixedInputKernel createFixed(InputContext context, Params params, FixedTarget target) {
        Window window = Window.of(context, params);
        Targets targets = new Targets(context);
        int[] from = FixedDrive.quantize(target, targets, params.get(FROM), context.owner(), FROM);
        int[] rise = FixedDrive.quantize(target, targets, params.get(TO), context.owner(), TO);
        for (int k = 0; k < rise.length; k++) rise[k] -= from[k];
        long length = window.length();
        // k < length: q < 2^15; (k << 15) cannot overflow for any window a run can reach
        return new FixedWindowedKernel(targets, window, target, from, rise,
                k -> (int) (((k << FixedDrive.BITS) + length / 2) / length));
    }
}
