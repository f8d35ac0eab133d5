package org.spikelane.inputs;

import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.FixedTarget;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * The fixed-point kernel of step, sine and ramp ({@link WindowedKernel} under
 * {@code precision: fixed}): inside the window each target gets {@code base + slope m / 2^15}
 * in LSB_v, where {@code base} and {@code slope} were quantized once per target neuron and the
 * Q15 multiplier {@code m} is computed once per step from the integer step count (a sine value,
 * a ramp fraction). A step input has no slope and skips the multiply.
 */
final class FixedWindowedKernel implements FixedInputKernel {
    /** The Q15 multiplier at {@code k = n - startStep} steps into the window, {@code |m| <= 2^15}. */
    @FunctionalInterface
    interface Multiplier {
        int at(long k);
    }

    private final Targets targets;
    private final Window window;
    private final int[] base;
    private final int[] slope;
    private final Multiplier multiplier;
    private final FixedTarget target;
    private final boolean vector;

    /** @param slope null for a constant (step) input */
    FixedWindowedKernel(Targets targets, Window window, FixedTarget target, int[] base, int[] slope, Multiplier multiplier) {
        this.targets = targets;
        this.window = window;
        this.base = base;
        this.slope = slope;
        this.multiplier = multiplier;
        this.target = target;
        this.vector = target.vector();
    }

    @Override public void addDrive(long step, int from, int to, int[] drive) {
        if (!window.contains(step)) return;
        if (slope == null) {
            FixedDrive.add(target, drive, from, to, targets, base, vector);
        } else {
            FixedDrive.addAffine(target, drive, from, to, targets, base, slope, multiplier.at(step - window.startStep()), vector);
        }
    }

    @Override
    public void declareState(StateDeclarer s) {
        targets.declareState(s);
        s.array("base", Role.PARAMETER, "LSB_v", base);
        if (slope != null) s.array("slope", Role.PARAMETER, "LSB_v", slope);
    }
}
