package org.spikelane.inputs;

import org.spikelane.spi.Accumulate;
import org.spikelane.spi.InputKernel;
import org.spikelane.state.StateDeclarer;

/**
 * The kernel of step, sine and ramp: one value for every target, given by a waveform of the
 * number of steps since the window opened, and nothing outside the window. The waveform is asked
 * once per step, never per neuron.
 */
final class WindowedKernel implements InputKernel {
    /** Current (A) at {@code k = n - startStep} steps into the window. */
    @FunctionalInterface
    interface Waveform {
        double at(long k);
    }

    private final Targets targets;
    private final Window window;
    private final Waveform waveform;

    WindowedKernel(Targets targets, Window window, Waveform waveform) {
        this.targets = targets;
        this.window = window;
        this.waveform = waveform;
    }

    @Override public void addCurrent(long step, int from, int to, float[] current) {
        if (!window.contains(step)) return;
        Accumulate.add(current, from, to, targets.indices, targets.count, (float) waveform.at(step - window.startStep()));
    }

    /** Only the targets: the waveform is a pure function of the step. */
    @Override
    public void declareState(StateDeclarer s) { targets.declareState(s); }
}
