import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LifState;
import org.spikelane.neuron.VectorLifKernel;
import org.spikelane.simd.Simd;
import org.spikelane.spi.Params;

/**
 * Probe of issue 10's fused conductances, kept so the figures in jmh-results/fused-currents.md
 * can be reproduced: one JVM, one thread, thread CPU time (robust on a loaded machine), rounds
 * alternating three variants over a population with COBA's membrane and its two conductances
 * (5 ms at 0 mV, 10 ms at -80 mV): the LIF kernel with two fused float conductances; the kernel
 * after two separate double-state passes written like {@code VectorSynapseOps.feedConductance}
 * (the way exp_conductance ran before, and biexp_conductance still runs); the conductance kernel
 * alone (accumulators, no synapse work). Not a JMH benchmark: a quick check, not a quotable figure.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar bench/peers/FusedConductanceProbe.java [N ...]}
 */
public class FusedConductanceProbe {
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED
            .withShape(VectorShape.forBitSize(Math.max(128, Simd.FLOAT.vectorBitSize()))).check(double.class);
    static final VectorSpecies<Float> FH = FloatVector.SPECIES_PREFERRED
            .withShape(VectorShape.forBitSize(D.vectorBitSize() / 2)).check(float.class);

    /** The removed float32 exp_conductance update: g += (float) s, gE += (float) (s E), s *= decay, in double. */
    static void feedConductance(float[] g, float[] gE, double eRev, double[] s, double decay, int n) {
        for (int i = 0; i < n; i += D.length()) {
            DoubleVector sv = DoubleVector.fromArray(D, s, i);
            sv.mul(decay).intoArray(s, i);
            FloatVector.fromArray(FH, g, i).add((FloatVector) sv.convertShape(VectorOperators.D2F, FH, 0)).intoArray(g, i);
            FloatVector.fromArray(FH, gE, i).add((FloatVector) sv.mul(eRev).convertShape(VectorOperators.D2F, FH, 0)).intoArray(gE, i);
        }
    }

    static LifState state(int n) {
        Map<String, Object> m = Map.of("C", 200e-12, "tau_m", 0.02, "E_L", -0.049, "v_threshold", -0.05, "v_reset", -0.06,
                "refractory", 0.005);
        return new LifState(n, 1e-4, Params.resolve("p", LifModel.PARAMS, m, n));
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {4000, 40000, 400000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        VectorLifKernel k = new VectorLifKernel();
        double de = Math.exp(-1e-4 / 5e-3), di = Math.exp(-1e-4 / 10e-3);
        for (int n : sizes) {
            int steps = Math.max(200, 80_000_000 / n);
            int[] spikes = new int[n];
            LifState fused = state(n);
            fused.fusedConductance(de, 0);
            fused.fusedConductance(di, -80e-3);
            LifState passes = state(n);
            passes.enableConductance();
            double[] se = new double[passes.padded], si = new double[passes.padded];
            LifState bare = state(n);
            bare.enableConductance();
            for (int round = 0; round < 6; round++) {
                long c0 = t.getCurrentThreadCpuTime();
                for (int s = 0; s < steps; s++) {
                    if ((s & 63) == 0) for (int i = 0; i < n; i += 7) fused.conductances.state[0][i] += 6e-9f;
                    k.step(fused, s, 0, fused.padded, spikes, 0);
                }
                long c1 = t.getCurrentThreadCpuTime();
                for (int s = 0; s < steps; s++) {
                    if ((s & 63) == 0) for (int i = 0; i < n; i += 7) se[i] += 6e-9;
                    feedConductance(passes.g, passes.gE, 0, se, de, passes.padded);
                    feedConductance(passes.g, passes.gE, -80e-3, si, di, passes.padded);
                    k.step(passes, s, 0, passes.padded, spikes, 0);
                }
                long c2 = t.getCurrentThreadCpuTime();
                for (int s = 0; s < steps; s++) k.step(bare, s, 0, bare.padded, spikes, 0);
                long c3 = t.getCurrentThreadCpuTime();
                double per = 1.0 / steps / n;
                System.out.printf(java.util.Locale.ROOT, "n %d round %d: fused %.3f ns/neuron-step, two double passes + kernel %.3f, kernel alone %.3f (load %.1f)%n",
                        n, round, (c1 - c0) * per, (c2 - c1) * per, (c3 - c2) * per,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }
}
