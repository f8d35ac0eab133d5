package org.spikelane.neuron;

import java.util.List;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.FixedMath;
import org.spikelane.fixed.IntLanes;
import org.spikelane.record.Variable;
import org.spikelane.simd.Simd;
import org.spikelane.units.Dimension;

/**
 * One step of Lava's {@code PyLifModelBitAcc}, bit for bit, on a {@link LoihiLifState}:
 * <pre>
 * u <- wrap24(sign(u) ((|u| (4096 - (du + 1))) >> 12) + (a_in << 6))
 * v <- clip(sign(v) ((|v| (4096 - dv)) >> 12) + u + (bias_mant << bias_exp), -(2^23 - 1), 2^23 - 1)
 * spike if v > vth << 6; then v = 0 (u is kept; no refractory period)
 * </pre>
 * {@code a_in} is what projections delivered in phase 4 of the previous step (Lava's one-step
 * Dense delay). The float accumulators of {@link LifState} are not used. The vector path uses
 * {@link IntLanes} (12-bit split multiply) and is tested bit-identical to the scalar one.
 */
public final class LoihiLifKernel implements OwnStateLifKernel {
    private static final VectorSpecies<Integer> I = Simd.INT;
    private static final int LIMIT = LoihiLifState.MAX_UV - 1;

    private final LoihiLifState state;
    private final boolean vector;

    public LoihiLifKernel(LoihiLifState state, boolean vector) {
        this.state = state;
        this.vector = vector;
    }

    public LoihiLifState loihiState() { return state; }

    @Override
    public int step(LifState ignored, int[] spikesOut) {
        return vector ? vectorStep(state, spikesOut) : scalarStep(state, spikesOut);
    }

    /** Reference: products in long, as Lava forms them in int64. */
    public static int scalarStep(LoihiLifState s, int[] spikesOut) {
        int count = 0;
        for (int i = 0; i < s.size; i++) {
            // Lava adds a_in << 6 to the int32 decayed current, so the sum is int arithmetic
            long u = FixedMath.mulTruncate(s.u[i], s.uMultiplier[i], LoihiLifState.DECAY_BITS) + (s.aIn[i] << LoihiLifState.SHIFT);
            long wrapped = FixedMath.wrapLava(u, LoihiLifState.BITS);
            if (wrapped != u) s.overflows[LoihiLifState.U_WRAPS]++;
            s.u[i] = (int) wrapped;
            s.aIn[i] = 0;
            long v = (long) FixedMath.mulTruncate(s.v[i], s.vMultiplier[i], LoihiLifState.DECAY_BITS) + wrapped + s.bias[i];
            long clipped = FixedMath.saturate(v, LIMIT);
            if (clipped != v) s.overflows[LoihiLifState.V_SATURATIONS]++;
            if (clipped > s.threshold[i]) {
                s.v[i] = 0;
                spikesOut[count++] = i;
            } else {
                s.v[i] = (int) clipped;
            }
        }
        return count;
    }

    public static int vectorStep(LoihiLifState s, int[] spikesOut) {
        int count = 0;
        IntVector zero = IntVector.zero(I);
        for (int i = 0; i < s.padded; i += I.length()) {
            IntVector u = IntLanes.mulTruncate(IntVector.fromArray(I, s.u, i), IntVector.fromArray(I, s.uMultiplier, i),
                            LoihiLifState.DECAY_BITS)
                    .add(IntVector.fromArray(I, s.aIn, i).lanewise(VectorOperators.LSHL, LoihiLifState.SHIFT));
            u = IntLanes.wrapLava(u, LoihiLifState.BITS, s.overflows, LoihiLifState.U_WRAPS);
            u.intoArray(s.u, i);
            zero.intoArray(s.aIn, i);
            IntVector v = IntLanes.mulTruncate(IntVector.fromArray(I, s.v, i), IntVector.fromArray(I, s.vMultiplier, i),
                    LoihiLifState.DECAY_BITS).add(u).add(IntVector.fromArray(I, s.bias, i));
            v = IntLanes.saturate(v, LIMIT, s.overflows, LoihiLifState.V_SATURATIONS);
            VectorMask<Integer> spike = v.compare(VectorOperators.GT, IntVector.fromArray(I, s.threshold, i));
            v.blend(zero, spike).intoArray(s.v, i);
            if (spike.anyTrue()) {
                long bits = spike.toLong();
                while (bits != 0) {
                    spikesOut[count++] = i + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                }
            }
        }
        return count;
    }

    @Override public List<String> ownVariableNames() { return List.of("v", "u"); }

    @Override
    public Variable ownVariable(String name) {
        return switch (name) {
            case "v" -> new Raw("v", state.v);
            case "u" -> new Raw("u", state.u);
            default -> null;
        };
    }

    @Override
    public void parameterChanged(LifState s, String param, int neuron) {
        throw new org.spikelane.spi.ParameterException("loihi population", param,
                "cannot be changed at run time under precision loihi");
    }

    /** Raw integers, as Lava records them. */
    private record Raw(String name, int[] values) implements Variable {
        @Override public Dimension dimension() { return Dimension.DIMENSIONLESS; }

        @Override public double value(int neuron) { return values[neuron]; }
    }
}
