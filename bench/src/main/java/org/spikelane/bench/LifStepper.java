package org.spikelane.bench;

import org.spikelane.fixed.ArithmeticProfile;
import org.spikelane.neuron.FixedLifKernel;
import org.spikelane.neuron.FixedLifState;
import org.spikelane.neuron.LifKernel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.LifState;
import org.spikelane.spi.Accumulate;

/**
 * One {@link LifFixture} population with its kernel (float32 or fixed, vector or scalar) and its
 * constant drive, stepped as a simulation steps it: the drive given as a {@code bias} input gives
 * it (float32: a constant current the kernel adds in its own pass, {@code LifState.addConstantCurrent},
 * set once; fixed: the per-neuron {@code R_i I} in LSB_v added to the int drive each step,
 * {@code Accumulate.add(int[], ...)}, which is what the bias plugin's fixed kernel does), then the kernel.
 */
final class LifStepper {
    final int n;
    /** The float32 kernel, or null under fixed. */
    private final LifKernel<LifState> floatKernel;
    /** The fixed kernel and its int state, or null under float32. */
    private final FixedLifKernel fixedKernel;
    private final FixedLifState fixed;
    private final LifState state;
    private final float current;
    /** The fixed kernel's drive accumulator, or null under float32. */
    private final int[] drive;
    /** R_i I in LSB_v per neuron, as the bias input's fixed kernel quantizes it. */
    private final int[] driveLsb;
    private final int[] spikes;
    long spikeCount;
    long steps;

    /** The population in its steady firing regime ({@link LifFixture#settle}). */
    LifStepper(int n, String precision, String kernelName, double amperes) {
        this.n = n;
        this.current = (float) amperes;
        LifPopulation population = LifFixture.population(n, LifFixture.kernel(kernelName));
        state = population.state();
        spikes = population.spikes();
        LifFixture.settle(state, amperes);
        switch (precision) {
            case "float32" -> {
                org.spikelane.spi.ConstantCurrent bias = state.addConstantCurrent();
                java.util.Arrays.fill(bias.values(), 0, n, current);
                bias.changed(0, n);
                floatKernel = LifFixture.kernel(kernelName);
                fixedKernel = null;
                fixed = null;
                drive = null;
                driveLsb = null;
            }
            case "fixed" -> {
                fixed = new FixedLifState("bench", state.parameters(), ArithmeticProfile.FIXED, 1);
                fixedKernel = new FixedLifKernel(kernelName.equals("vector"));
                floatKernel = null;
                // the settled cycle of the float state, quantized
                for (int i = 0; i < n; i++) fixed.setVoltage(i, state.v[i]);
                System.arraycopy(state.refractoryLeft, 0, fixed.refractoryLeft, 0, n);
                drive = fixed.driveSum;
                driveLsb = new int[n];
                for (int i = 0; i < n; i++) driveLsb[i] = (int) Math.round(amperes * fixed.lsbPerAmpere(i));
            }
            default -> throw new IllegalArgumentException("precision must be float32 or fixed, got " + precision);
        }
    }

    /** One step; returns the number of spikes. */
    int step() {
        if (drive != null) Accumulate.add(drive, null, driveLsb, n);
        int count = fixed == null ? floatKernel.step(state, steps, 0, state.padded, spikes, 0)
                : fixedKernel.step(fixed, steps, 0, fixed.padded, spikes, 0);
        spikeCount += count;
        steps++;
        return count;
    }

    /** Spikes per neuron-step so far. */
    double firing() { return steps == 0 ? 0.0 : (double) spikeCount / ((double) steps * n); }
}
