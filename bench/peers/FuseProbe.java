import java.lang.management.*;
import java.util.*;
import org.spikelane.neuron.*;
import org.spikelane.spi.*;
import jdk.incubator.vector.*;

/**
 * Throw-away probe of issue 10's fused synaptic currents, kept so the figures in
 * jmh-results/2026-12-06-fused-currents.md can be reproduced: one JVM, one thread, thread CPU
 * time (robust on a loaded machine), rounds alternating three variants over a 4000-neuron CUBA-like
 * population: the LIF kernel with two fused currents; the kernel after two separate double-state
 * passes written like the removed feedExp (commit fe5de8b's VectorSynapseOps, the old way); the
 * kernel alone. Not a JMH benchmark: a quick check, not a quotable figure.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar bench/peers/FuseProbe.java}
 */
public class FuseProbe {
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;
    static void feedExp(float[] acc, double[] p, double[] x, double decay, int n) {
        for (int i = 0; i < n; i += 4) {
            DoubleVector xv = DoubleVector.fromArray(D, x, i);
            FloatVector.fromArray(F4, acc, i).add((FloatVector) DoubleVector.fromArray(D, p, i).mul(xv).convertShape(VectorOperators.D2F, F4, 0)).intoArray(acc, i);
            xv.mul(decay).intoArray(x, i);
        }
    }
    static LifState state(int n) {
        Map<String,Object> m = Map.of("tau_m", 0.02, "E_L", -0.049, "v_threshold", -0.05, "v_reset", -0.06, "refractory", 0.005);
        return new LifState(n, 1e-4, Params.resolve("p", LifModel.PARAMS, m, n));
    }
    public static void main(String[] a) {
        int n = 4000; int steps = 20000;
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        VectorLifKernel k = new VectorLifKernel();
        int[] spikes = new int[n];
        LifState fused = state(n);
        double[] p = new double[n]; Arrays.fill(p, Propagators.expCurrent(1e-4, 0.02, 0.005, 1/0.02));
        double[] one = new double[n]; Arrays.fill(one, 1);
        fused.fusedCurrent("I", org.spikelane.units.Dimension.CURRENT, Math.exp(-1e-4/0.005), p, one);
        fused.fusedCurrent("I", org.spikelane.units.Dimension.CURRENT, Math.exp(-1e-4/0.01), p, one);
        LifState plain = state(n);
        double[] x1 = new double[n], x2 = new double[n], pd = p.clone();
        for (int round = 0; round < 8; round++) {
            long c0 = t.getCurrentThreadCpuTime();
            for (int s = 0; s < steps; s++) {
                if ((s & 63) == 0) for (int i = 0; i < n; i += 7) fused.fused.state[0][i] += 1e-3f;
                k.step(fused, s, 0, fused.padded, spikes, 0);
            }
            long c1 = t.getCurrentThreadCpuTime();
            for (int s = 0; s < steps; s++) {
                if ((s & 63) == 0) for (int i = 0; i < n; i += 7) x1[i] += 1e-3;
                feedExp(plain.dv, pd, x1, 0.98, n);
                feedExp(plain.dv, pd, x2, 0.99, n);
                k.step(plain, s, 0, plain.padded, spikes, 0);
            }
            long c2 = t.getCurrentThreadCpuTime();
            long c3a = t.getCurrentThreadCpuTime();
            LifState bare = plain;
            for (int s = 0; s < steps; s++) k.step(bare, s, 0, bare.padded, spikes, 0);
            long c3 = t.getCurrentThreadCpuTime();
            System.out.printf("round %d: fused %.3f ns/neuron-step, two passes + kernel %.3f, kernel alone %.3f%n", round,
                (c1-c0)/(double)steps/n, (c2-c1)/(double)steps/n, (c3-c3a)/(double)steps/n);
        }
    }
}
