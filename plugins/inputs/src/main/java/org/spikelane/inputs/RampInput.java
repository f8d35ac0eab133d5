package org.spikelane.inputs;

import java.util.List;
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
}
