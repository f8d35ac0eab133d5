package org.spikelane.format;

import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.InputKernel;
import org.spikelane.state.StateDeclarer;

/**
 * A fixed-point input behind the float interface the scheduler calls: it adds to the int drive,
 * not to the float array it is handed.
 */
record FixedDriveInput(FixedInputKernel kernel, int[] drive) implements InputKernel {
    @Override public void beginStep(long step) { kernel.beginStep(step); }

    @Override public void addCurrent(long step, int from, int to, float[] ignored) { kernel.addDrive(step, from, to, drive); }

    @Override public void set(String param, int neuron, double siValue) { kernel.set(param, neuron, siValue); }

    @Override public java.util.List<String> settableParameters() { return kernel.settableParameters(); }

    /** The drive belongs to the population; the state is the wrapped kernel's. */
    @Override public void declareState(StateDeclarer state) { kernel.declareState(state); }
}
