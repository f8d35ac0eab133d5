package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.fixed.Quantization;

/**
 * The LIF oracles with physical parameters under {@code precision: loihi} (Loihi's integer LIF,
 * quantized at build time) against the float32 run of the same network, one flag apart. The
 * neuron is the neurodynex one as Loihi can run it: {@code v_reset = E_L}, no refractory period.
 *
 * <p>Quantization of this neuron at dt = 0.1 ms: {@code LSB_v = 20 mV / 2^22} (threshold exact,
 * {@code vth = 2^16}); {@code dv = 51}, effective {@code tau_m = 7.981 ms} (-0.23 %); one bias
 * unit is {@code 1 / 2.6112e13} A = 0.038 fA, but a drive above 4095 units keeps a 13-bit mantissa:
 * around 2 nA (52224 units) the bias moves in steps of 16 units = 0.61 pA.
 */
class LoihiPhysicalOracleTest {
    private static final double DT = 1e-4;
    private static final Map<String, Object> NEURON = Map.of("v_reset", "-70 mV", "refractory", 0);

    private static Simulation stepNetwork(Precision precision, double seconds, double... currents) {
        Network net = new Network(DT).precision(precision);
        net.addLif("lif", currents.length, NEURON);
        for (int i = 0; i < currents.length; i++) net.addInput("step", "lif", Map.of("amplitude", currents[i]), new int[] {i});
        net.recordSpikes("lif");
        Simulation sim = net.build();
        sim.run(seconds);
        return sim;
    }

    /**
     * Threshold quantization taken into account: the threshold is exact, so the rheobase moves
     * only by the drive's truncation. At {@code x = vth << 6 = 2^22} LSB the truncated leak takes
     * {@code ceil(51 x / 4096) = 52224} units per step, so v crosses the threshold only with a bias
     * of at least 52225 units, i.e. 52240 (a multiple of 16): loihi's rheobase is
     * {@code 52240 / 2.6112e13 A = 2.000613 nA} against float32's 2.0 nA (+3.1e-4).
     */
    @Test
    void rheobaseSeparates2nAFrom2point05nAAndSitsWhereTheQuantizationPutsIt() {
        double[] currents = {2.0e-9, 2.0006e-9, 2.00062e-9, 2.05e-9};
        Simulation loihi = stepNetwork(Precision.LOIHI, 0.5, currents);
        Simulation float32 = stepNetwork(Precision.FLOAT32, 0.5, currents);
        assertEquals(0, loihi.spikes().steps("lif", 0).length, "2.0 nA: v_inf = v_th, approached from below");
        assertEquals(0, loihi.spikes().steps("lif", 1).length, "2.0006 nA: bias 52239.7 -> 52224, still silent");
        assertTrue(loihi.spikes().steps("lif", 2).length > 0, "2.00062 nA: bias 52240 crosses");
        assertTrue(loihi.spikes().steps("lif", 3).length > 10, "2.05 nA fires");
        assertEquals(0, float32.spikes().steps("lif", 0).length);
        assertTrue(float32.spikes().steps("lif", 1).length > 0, "float32 fires just above 2.0 nA: the two rheobases differ by < 3.1e-4");
        assertTrue(loihi.overflows().stream().allMatch(o -> o.count() == 0), "no clipping: " + loihi.overflows());
        Map<String, Quantization> q = new HashMap<>();
        for (Quantization x : loihi.quantization()) q.put(x.parameter(), x);
        assertEquals(0, q.get("v_threshold").relativeError());
        assertEquals(1 / 2.6112e13, q.get("I_LSB").effective(), 1e-6 / 2.6112e13);
    }

    /**
     * ISIs: the 12-bit dv shortens tau_m by 0.23 % and the drive's truncation lowers the current
     * by up to 3e-4 (which lengthens intervals, most near the rheobase); both are below 0.5 %, so
     * each interval is within 0.5 % plus one step of float32's.
     */
    @Test
    void interSpikeIntervalsWithinHalfAPercentPlusOneStepOfFloat32() {
        double[] currents = {2.05e-9, 2.1e-9, 2.5e-9, 3e-9, 5e-9, 10e-9};
        Simulation loihi = stepNetwork(Precision.LOIHI, 0.5, currents);
        Simulation float32 = stepNetwork(Precision.FLOAT32, 0.5, currents);
        int compared = 0, differing = 0;
        double worst = 0;
        for (int i = 0; i < currents.length; i++) {
            long[] a = loihi.spikes().steps("lif", i), b = float32.spikes().steps("lif", i);
            assertTrue(a.length >= 10, currents[i] + " A: " + a.length + " spikes");
            for (int s = 1; s < Math.min(a.length, b.length); s++) {
                long isiLoihi = a[s] - a[s - 1], isiFloat = b[s] - b[s - 1];
                assertTrue(Math.abs(isiLoihi - isiFloat) <= 1 + 0.005 * isiFloat,
                        currents[i] + " A interval " + s + ": " + isiLoihi + " vs " + isiFloat + " steps");
                worst = Math.max(worst, Math.abs(isiLoihi - isiFloat) / (double) isiFloat);
                compared++;
                if (isiLoihi != isiFloat) differing++;
            }
            double analytic = 8e-3 * Math.log(currents[i] * 10e6 / (currents[i] * 10e6 - 20e-3)) / DT;
            double mean = (a[a.length - 1] - a[0]) / (double) (a.length - 1);
            System.out.printf("loihi f-I %.2f nA: mean ISI %.2f steps (float32 %.2f, analytic %.2f)%n", currents[i] * 1e9, mean,
                    (b[b.length - 1] - b[0]) / (double) (b.length - 1), analytic);
        }
        System.out.printf("loihi f-I: %d of %d intervals differ from float32, largest relative difference %.4f%n",
                differing, compared, worst);
    }

    /**
     * Subthreshold sine (0.5 nA): the low-pass amplitude {@code R I0 / sqrt(1 + (w tau)^2)} with
     * the effective {@code tau_m} (-0.23 %) differs from float32's by at most 0.23 % (at high
     * frequency); the drive's truncation and that of v add a few LSB. Criterion: 1 %.
     */
    @Test
    void subthresholdSineAmplitudeWithin1PercentOfFloat32() {
        double[] frequencies = {10, 50, 250};
        Map<String, Object> params = new HashMap<>(NEURON);
        params.put("v_threshold", "0 V");
        double[][] amplitudes = {
            SineFit.amplitudes(Precision.LOIHI, params, DT, 0.5e-9, frequencies),
            SineFit.amplitudes(Precision.FLOAT32, params, DT, 0.5e-9, frequencies)};
        for (int i = 0; i < frequencies.length; i++) {
            System.out.printf("loihi sine %.0f Hz: %.6e V, float32 %.6e V, rel diff %+.2e%n", frequencies[i], amplitudes[0][i],
                    amplitudes[1][i], amplitudes[0][i] / amplitudes[1][i] - 1);
            assertTrue(amplitudes[1][i] > 1e-4, "precondition: a visible oscillation");
            assertEquals(amplitudes[1][i], amplitudes[0][i], 0.01 * amplitudes[1][i], frequencies[i] + " Hz vs float32");
        }
    }

    /**
     * The exponential pulse under loihi: Loihi's bias is the only place for an input, so the pulse's
     * held current is scaled by {@code P21 / (R (1 - e^{-dt/tau_m}))} and the bias moves v by the
     * exact effect. Oracle: the exact step rule in double with Loihi's {@code d = 1 - 51/4096}
     * (effective tau_m 7.981 ms). Tolerance 2e-3 of the peak: the bias is truncated to a 13-bit
     * mantissa (2^-12 relative) and v to LSB_v each step (a few LSB_v of 4.8 nV), while the held
     * pulse is 2.5 % off, so the assertion tells the two apart.
     */
    @Test
    void exponentialPulseMovesVByTheExactEffect() {
        double d = 1 - 51 / 4096.0, tauEff = -DT / Math.log(d), r = 10e6, tauS = 2e-3;
        for (double amplitude : new double[] {1e-9, -0.3e-9}) {
            Network net = new Network(DT).precision(Precision.LOIHI);
            net.addLif("lif", 1, NEURON);
            net.addInput("pulse", "lif", Map.of("amplitude", amplitude, "tau", "2 ms",
                    "events", Map.of("times", java.util.List.of("10 ms"), "neurons", java.util.List.of(0))));
            net.recordState("lif", java.util.List.of("v"), null, 1);
            Simulation sim = net.build();
            sim.runSteps(600);
            double peak = 0;
            for (double x : sim.stateRecorders().getFirst().trace("v", 0)) peak = Math.max(peak, Math.abs(x + 70e-3));
            double p21 = org.spikelane.spi.Propagators.expCurrent(DT, tauEff, tauS, r / tauEff);
            double exact = 0, held = 0, u = 0, w = 0;
            for (int k = 0; k < 500; k++) {
                double pulse = amplitude * Math.exp(-k * DT / tauS);
                u = u * d + p21 * pulse;
                w = r * pulse + (w - r * pulse) * d;
                exact = Math.max(exact, Math.abs(u));
                held = Math.max(held, Math.abs(w));
            }
            System.out.printf("loihi pulse %.1f nA: PSP peak %.6e V, exact %.6e V (held %.6e V), loihi/exact - 1 = %.1e%n",
                    amplitude * 1e9, peak, exact, held, peak / exact - 1);
            assertTrue(held / exact - 1 > 0.02, "the held pulse is 2.5 % above the exact one");
            assertEquals(exact, peak, 2e-3 * exact, amplitude + " A: loihi vs the exact pulse");
        }
    }
}
