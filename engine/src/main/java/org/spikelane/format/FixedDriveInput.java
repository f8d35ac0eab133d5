package org.spikelane.format;

import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.InputKernel;

/**
 * A fixed-point input behind the float interface the scheduler calls: it adds to the int drive,
 * not to the float array it is handed.
 */
record FixedDriveInput(FixedInputKernel kernel, int[] drive) implements InputKernel {
    @Override public void addCurrent(long step, float[] ignored) { kernel.addDrive(step, drive); }

    @Override public void set(String param, int neuron, double siValue) { kernel.set(param, neuron, siValue); }
}
