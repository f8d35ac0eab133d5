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

/** {@code step}: {@code amplitude} on the steps of {@code [start, stop)}, 0 elsewhere. */
public final class StepInput implements InputPlugin {
    static final String AMPLITUDE = "amplitude";

    @Override public String name() { return "step"; }

    @Override public String description() { return "constant amplitude on [start, stop), 0 outside"; }

    @Override public List<ParamSpec> params() {
        return List.of(
                ParamSpec.quantity(AMPLITUDE, Dimension.CURRENT, null, Range.any(), "current while the step is on"),
                Window.startSpec(),
                Window.stopSpec(false));
    }

    @Override public InputKernel create(InputContext context, Params params) {
        double amplitude = params.get(AMPLITUDE);
        return new WindowedKernel(new Targets(context), Window.of(context, params), k -> amplitude);
    }

    /** The amplitude quantized once per target ({@code R_i I} in LSB_v), added inside the window. */
    @Override public FixedInputKernel createFixed(InputContext context, Params params, FixedTarget target) {
        Targets targets = new Targets(context);
        int[] amplitude = FixedDrive.quantize(target, targets, params.get(AMPLITUDE), context.owner(), AMPLITUDE);
        return new FixedWindowedKernel(targets, Window.of(context, params), target, amplitude, null, null);
    }
}
