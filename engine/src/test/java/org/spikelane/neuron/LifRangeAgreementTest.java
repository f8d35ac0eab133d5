package org.spikelane.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spikelane.fixed.ArithmeticProfile;
import org.spikelane.fixed.Rounding;
import org.spikelane.simd.Simd;

/**
 * Every LIF kernel (float vector and scalar, current and conductance paths, the vector kernel's
 * loops for uniform and per-neuron populations; fixed vector and
 * scalar under each rounding, with conductances; loihi vector and scalar) run over neuron ranges
 * split at several points gives the state, the cleared accumulators and the spikes of one call
 * over the whole population, bit for bit, for many steps with spikes. Cuts are lane-aligned, so
 * at 4 and 8 lanes the ranges have sizes that are not multiples of 16; the pom runs this again at
 * 128 and 512 bits.
 */
class LifRangeAgreementTest {
    private static final int[][] SPLITS = {{16, 48}, {8, 24, 40, 72, 520}, {4, 12, 20, 36, 100, 996}};

    /** One population and its kernel, the arrays to compare, and what one step's inputs write. */
    private record Case(int padded, RangeStep kernel, Object[] state, java.util.function.Consumer<SplittableRandom> inputs) {}

    /** A kernel bound to its state. */
    private interface RangeStep {
        int step(long step, int from, int to, int[] spikesOut, int offset);
    }

    @ParameterizedTest(name = "{0} n={1}")
    @CsvSource({"float-vector,1000", "float-scalar,1000", "float-vector-conductance,1000", "float-scalar-conductance,61",
                "float-vector-fused,1000", "float-scalar-fused,61", "float-vector-uniform,1000", "float-scalar-uniform,61",
                "float-vector-fusedall,1000", "float-scalar-fusedall,61",
                "fixed-vector-nearest,1000", "fixed-scalar-nearest,1000", "fixed-vector-stochastic,1000",
                "fixed-scalar-stochastic,61", "fixed-vector-truncate,1000", "fixed-vector-conductance,1000",
                "fixed-scalar-conductance,1000", "loihi-vector,1000", "loihi-scalar,1000"})
    void rangesGiveTheWholeStepToTheBit(String kind, int n) {
        for (int[] cuts : SPLITS) {
            Case whole = build(kind, n), split = build(kind, n);
            SplittableRandom inputsWhole = new SplittableRandom(3), inputsSplit = new SplittableRandom(3);
            int[] spikesWhole = new int[n], spikesSplit = new int[n], joined = new int[n];
            long total = 0;
            for (int step = 0; step < 300; step++) {
                whole.inputs.accept(inputsWhole);
                split.inputs.accept(inputsSplit);
                int count = whole.kernel.step(step, 0, whole.padded, spikesWhole, 0);
                int joinedCount = 0;
                for (int from = 0, to; from < split.padded; from = to) {
                    to = end(cuts, from, split.padded);
                    int c = split.kernel.step(step, from, to, spikesSplit, from);
                    assertTrue(c <= to - from, "a range writes at most its own size");
                    System.arraycopy(spikesSplit, from, joined, joinedCount, c);
                    joinedCount += c;
                }
                String at = kind + ", cuts " + Arrays.toString(cuts) + ", step " + step;
                assertEquals(Arrays.toString(Arrays.copyOf(spikesWhole, count)), Arrays.toString(Arrays.copyOf(joined, joinedCount)),
                        "spikes, " + at);
                assertEquals(Arrays.deepToString(whole.state), Arrays.deepToString(split.state), "state, " + at);
                total += count;
            }
            assertTrue(total > 50, kind + ": the inputs should make neurons fire, got " + total + " spikes");
        }
    }

    private static int end(int[] cuts, int from, int padded) {
        for (int cut : cuts) {
            int aligned = cut / Simd.LANES * Simd.LANES;
            if (aligned > from && aligned < padded) return aligned;
        }
        return padded;
    }

    private static Case build(String kind, int n) {
        // uniform: every neuron shares its parameters, constant input and two fused currents (CUBA's shape)
        boolean uniform = kind.endsWith("uniform");
        LifState s = uniform ? LifStates.shared(n, 42 + n, false) : LifStates.random(n, 42 + n, false);
        boolean vector = kind.contains("vector");
        boolean conductance = kind.endsWith("conductance");
        if (kind.startsWith("float")) {
            if (conductance) s.enableConductance();
            boolean all = kind.endsWith("fusedall");
            boolean fused = kind.endsWith("fused") || uniform || all;
            if (uniform) {
                LifStates.addSharedFusedCurrents(s, 2);
                LifStates.addConstantCurrent(s, false);
            } else if (fused) {
                LifStates.addFusedCurrents(s);
                LifStates.addConstantCurrent(s, true);
            }
            // and fused conductances (COBA's two, then a third in the loop beyond them) and alpha currents
            if (all) {
                LifStates.addFusedConductances(s, 3);
                LifStates.addAlphaCurrents(s);
            }
            LifKernel<LifState> kernel = vector ? new VectorLifKernel() : new ScalarLifKernel();
            Object[] state = conductance ? new Object[] {s.v, s.refractoryLeft, s.current, s.dv, s.g, s.gE}
                    : all ? new Object[] {s.v, s.refractoryLeft, s.current, s.dv, s.fused.state, s.conductances.state, s.alphas.current, s.alphas.ramp}
                    : fused ? new Object[] {s.v, s.refractoryLeft, s.current, s.dv, s.fused.state[0], s.fused.state[1]}
                    : new Object[] {s.v, s.refractoryLeft, s.current, s.dv};
            return new Case(s.padded, (step, from, to, out, offset) -> kernel.step(s, step, from, to, out, offset), state, r -> {
                if (fused) LifStates.kickFusedCurrents(s, r);
                if (all) LifStates.kickConductancesAndAlphas(s, r);
                for (int i = 0; i < n; i++) {
                    s.current[i] = (float) (r.nextDouble() * 3e-9);
                    s.dv[i] = r.nextInt(50) == 0 ? (float) (r.nextDouble() * 4e-3) : 0f;
                    if (conductance) {
                        s.g[i] = (float) (r.nextDouble() * 20e-9);
                        s.gE[i] = s.g[i] * (r.nextBoolean() ? 0f : -80e-3f);
                    }
                }
            });
        }
        if (kind.startsWith("fixed")) {
            Rounding rounding = kind.contains("stochastic") ? Rounding.STOCHASTIC : kind.contains("truncate") ? Rounding.TRUNCATE
                    : Rounding.NEAREST;
            FixedLifState f = new FixedLifState("p", s.parameters(), ArithmeticProfile.FIXED.withRounding(rounding), 5);
            if (conductance) f.enableConductance();
            Object[] state = {f.v, f.refractoryLeft, f.driveSum, f.jumpSum, f.overflows, f.g, f.gE};
            FixedLifKernel kernel = new FixedLifKernel(vector);
            return new Case(f.padded, (step, from, to, out, offset) -> kernel.step(f, step, from, to, out, offset), state, r -> {
                for (int i = 0; i < n; i++) {
                    f.driveSum[i] = (int) Math.round(r.nextDouble() * 3e-9 * f.lsbPerAmpere(i));
                    f.jumpSum[i] = r.nextInt(50) == 0 ? f.voltage(r.nextDouble() * 4e-3) : 0;
                    if (conductance) {
                        f.g[i] = (float) (r.nextDouble() * 20e-9);
                        f.gE[i] = f.g[i] * (r.nextBoolean() ? 0f : -80e-3f);
                    }
                }
            });
        }
        LoihiLifState l = new LoihiLifState(n, LoihiLifModel.resolve("p", Map.of("du", 300, "dv", 200, "vth", 80,
                "bias_mant", 40, "bias_exp", 6), n, org.spikelane.random.RandomStream.root(1)));
        Object[] state = {l.u, l.v, l.aIn, l.overflows};
        LoihiLifKernel kernel = new LoihiLifKernel(vector);
        return new Case(l.padded, (step, from, to, out, offset) -> kernel.step(l, step, from, to, out, offset), state, r -> {
            for (int i = 0; i < n; i++) l.aIn[i] = r.nextInt(-(1 << 12), 1 << 13);
        });
    }
}
