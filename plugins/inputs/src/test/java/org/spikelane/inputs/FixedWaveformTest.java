package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.InputPlugin;

/**
 * Each fixed-point kernel against its float kernel, step by step: the drive of neuron i at step n
 * is {@code current_i(n) R_i / LSB_v} within the quantization bound of that input (an LSB or two,
 * plus float32's own rounding, plus the Q15 resolution of a sine or ramp multiplier, plus the
 * quantized leak's drift and the dead band of an exponential pulse). Windows and event steps therefore match the float kernel exactly: one step
 * early or late would be off by the whole amplitude.
 */
class FixedWaveformTest {
    private static final int SIZE = 50;
    private static final int STEPS = 3000;

    /** Allowed |fixed - float|: {@code absolute + relative * |reference current| R_i / LSB_v}. */
    private record Case(String name, InputPlugin plugin, Map<String, ?> params, double absolute, double relative, double reference) {}

    @Test
    void fixedDriveFollowsTheFloatCurrentWithinQuantization() {
        List<Object> biases = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < SIZE; i++) biases.add(random.nextDouble(-5e-9, 5e-9));
        Map<String, ?> schedule = Map.of("times", List.of("1 ms", "1.5 ms", "100 ms"), "neurons", List.of(3, 3, 7));
        List<Case> cases = List.of(
                new Case("bias", new BiasInput(), Map.of("amplitude", biases), 1, 0, 0),
                new Case("step", new StepInput(), Map.of("amplitude", "2 nA", "start", "1.05 ms", "stop", "120 ms"), 1, 0, 0),
                new Case("sine", new SineInput(), Map.of("amplitude", "3 nA", "offset", "1 nA", "frequency", "170 Hz",
                        "phase", 0.3, "start", "2 ms", "stop", "250 ms"), 2, 0x1p-15, 3e-9),
                new Case("ramp", new RampInput(), Map.of("from", "-2 nA", "to", "4 nA", "start", "5 ms", "stop", "200 ms"),
                        2, 0x1p-15, 6e-9),
                // dead band 1 / (2 e) = 10.3 LSB (tau 2 ms), 100 LSB (20 ms); leak within 2^-16
                new Case("pulse exponential", new PulseInput(), Map.of("amplitude", "2 nA", "tau", "2 ms", "events", schedule),
                        12, 3e-5, 4e-9),
                new Case("pulse exponential, slow", new PulseInput(), Map.of("amplitude", "-1 nA", "tau", "20 ms",
                        "events", Map.of("every", "10 ms")), 102, 3e-5, 4e-9),
                new Case("pulse inverse", new PulseInput(), Map.of("amplitude", "2 nA", "shape", "inverse", "alpha", "1000 Hz",
                        "events", schedule), 1.5, 0, 0));
        for (Case c : cases) {
            FakeInputContext context = new FakeInputContext(1e-4, SIZE, null, 3);
            FakeFixedTarget target = new FakeFixedTarget(SIZE, true, 9);
            float[][] current = context.run(context.create(c.plugin, c.params), STEPS);
            int[][] drive = context.runFixed(context.createFixed(c.plugin, c.params, target), target, STEPS);
            double worst = 0, peak = 0;
            long active = 0;
            for (int n = 0; n < STEPS; n++) {
                for (int i = 0; i < SIZE; i++) {
                    double exact = current[n][i] * target.lsbPerAmpere(i);
                    // plus float32's own rounding of the current (2^-24 relative)
                    double allowed = c.absolute + c.relative * c.reference * target.lsbPerAmpere(i) + Math.abs(exact) * 0x1p-24;
                    double error = Math.abs(drive[n][i] - exact);
                    assertTrue(error <= allowed, c.name + ", step " + n + ", neuron " + i + ": drive " + drive[n][i]
                            + " LSB_v, float " + exact + " (allowed +-" + allowed + ")");
                    worst = Math.max(worst, error);
                    peak = Math.max(peak, Math.abs(exact));
                    if (exact != 0) active++;
                }
            }
            assertTrue(active > STEPS / 10, c.name + ": the input was almost never on (" + active + ")");
            assertTrue(target.clipped == 0, c.name + ": clipped " + target.clipped);
            System.out.printf("fixed vs float32 waveform, %s: largest difference %.1f LSB_v = %.1e of the peak%n", c.name, worst,
                    worst / peak);
        }
    }

    /**
     * The exponential pulse's leak keeps tau accurate at any length (a Q16 decay factor would be
     * off by 2^-17 tau / dt: 8 % at tau = 1 s): one 100 nA pulse decays as {@code A e^{-n dt / tau}}
     * within 1e-4 relative plus the dead band, for tau from below dt to 10 s.
     */
    @Test
    void exponentialPulseDecaysWithTheRightTauAtEveryLength() {
        double dt = 1e-4;
        for (double tau : new double[] {3e-5, 5e-4, 2e-3, 20e-3, 1, 10}) {
            for (boolean vector : new boolean[] {true, false}) {
                FakeFixedTarget target = new FakeFixedTarget(17, vector, -1);
                FixedExponentialPulses pulses = new FixedExponentialPulses(new Targets(FakeInputContext.whole(17)), target,
                        FixedDrive.quantize(target, new Targets(FakeInputContext.whole(17)), 100e-9, "input 'pulse'", "amplitude"), tau, dt);
                assertTrue(Math.abs(pulses.tauError(tau, dt)) < 0x1p-15, tau + " s: effective tau off by " + pulses.tauError(tau, dt));
                double amplitude = Math.rint(100e-9 * target.lsbPerAmpere(16));
                double deadBand = 0.5 / -Math.expm1(-dt / tau);
                pulses.trigger(16, 0);
                for (int n = 0; n < 20_000; n++) {
                    java.util.Arrays.fill(target.drive, 0);
                    pulses.beginStep();
                    pulses.addDrive(0, target.drive.length, target.drive);
                    double exact = amplitude * Math.exp(-n * dt / tau);
                    assertEquals(exact, target.drive[16], 1e-4 * exact + deadBand + 2, tau + " s, step " + n + (vector ? " vector" : " scalar"));
                }
            }
        }
    }
}
