package org.spikelane.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.spikelane.neuron.LifKernel;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.ScalarLifKernel;
import org.spikelane.neuron.VectorLifKernel;
import org.spikelane.spi.Params;

/**
 * A heterogeneous LIF population for the benchmarks: every neuron has its own {@code tau_m},
 * {@code R}, threshold and initial potential, driven by one constant current that makes roughly
 * 0.1 % of the neurons spike per step (about 10 Hz at dt = 0.1 ms), so the spike-extraction
 * branch is exercised as in a real network instead of never (silent) or always (saturated).
 */
final class LifFixture {
    private LifFixture() {}

    static final double DT = 1e-4;
    /** The constant drive (A). */
    static final double CURRENT = 2.1e-9;
    private static final double E_L = -70e-3;

    static LifKernel kernel(String name) {
        return switch (name) {
            case "vector" -> new VectorLifKernel();
            case "scalar" -> new ScalarLifKernel();
            default -> throw new IllegalArgumentException("kernel must be 'vector' or 'scalar', got '" + name + "'");
        };
    }

    /**
     * @param foldCurrent true: the constant current is folded into the resting potential
     *                    ({@code E_L + R I}, same {@code v_inf}, same kernel arithmetic) because the
     *                    kernel clears its current accumulator every step; false: {@code E_L} is
     *                    the plain resting potential and the caller adds {@link #CURRENT} each step
     */
    static LifPopulation population(int n, LifKernel kernel, boolean foldCurrent) {
        return population(n, kernel, foldCurrent, false);
    }

    /**
     * @param shared true: every neuron has the same {@code tau_m}, {@code R}, {@code E_L} (which the
     *               vector kernel then reads from its first lanes); thresholds and initial
     *               potentials still differ, so the firing regime stays asynchronous
     */
    static LifPopulation population(int n, LifKernel kernel, boolean foldCurrent, boolean shared) {
        SplittableRandom random = new SplittableRandom(42);
        double[] tau = new double[n];
        double[] r = new double[n];
        double[] threshold = new double[n];
        double[] vInit = new double[n];
        double[] rest = new double[n];
        for (int i = 0; i < n; i++) {
            tau[i] = shared ? 20e-3 : 10e-3 + 20e-3 * random.nextDouble();
            r[i] = shared ? 10e6 : 8e6 + 4e6 * random.nextDouble();
            threshold[i] = -52e-3 + 6e-3 * random.nextDouble();
            // start spread between reset and threshold so the population is not synchronized
            vInit[i] = -65e-3 + (threshold[i] + 65e-3) * random.nextDouble();
            rest[i] = foldCurrent ? E_L + r[i] * CURRENT : E_L;
        }
        Map<String, Object> raw = new HashMap<>();
        raw.put(LifModel.TAU_M, tau);
        raw.put(LifModel.R, r);
        raw.put(LifModel.V_THRESHOLD, threshold);
        raw.put(LifModel.V_INIT, vInit);
        raw.put(LifModel.E_L, rest);
        raw.put(LifModel.V_RESET, -65e-3);
        raw.put(LifModel.REFRACTORY, 2e-3);
        Params params = Params.resolve("population 'bench'", LifModel.PARAMS, raw, n);
        return new LifPopulation("bench", n, DT, params, kernel);
    }
}
