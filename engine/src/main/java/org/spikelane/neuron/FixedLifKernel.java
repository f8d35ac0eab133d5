package org.spikelane.neuron;

import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.FixedMath;
import org.spikelane.fixed.IntLanes;
import org.spikelane.fixed.Rounding;
import org.spikelane.record.Variable;
import org.spikelane.simd.Simd;
import org.spikelane.units.Dimension;

/**
 * The LIF step of DESIGN §2 on the int state of a {@link FixedLifState}, in one pass that also
 * quantizes the step's float accumulators ({@code current}, {@code dv}) and clears them. Same
 * refractory, threshold and reset semantics as the float kernels. {@link #vectorStep} runs on
 * {@link Simd#INT} lanes with the split multiply of {@link IntLanes}; {@link #scalarStep} is the
 * reference in long arithmetic; the two are tested bit-identical.
 */
public final class FixedLifKernel implements OwnStateLifKernel {
    private static final VectorSpecies<Integer> I = Simd.INT;
    private static final VectorSpecies<Float> F = Simd.FLOAT;

    private final FixedLifState state;
    private final boolean vector;

    public FixedLifKernel(FixedLifState state, boolean vector) {
        this.state = state;
        this.vector = vector;
    }

    public FixedLifState fixedState() { return state; }

    @Override
    public int step(LifState s, int[] spikesOut) {
        return vector ? vectorStep(state, s, spikesOut) : scalarStep(state, s, spikesOut);
    }

    public static int scalarStep(FixedLifState f, LifState s, int[] spikesOut) {
        int bits = f.profile.decayBits();
        Rounding rounding = f.profile.rounding();
        int vBits = f.profile.voltageBits(), iBits = f.profile.currentBits(), vLimit = f.profile.voltageLimit();
        int count = 0;
        for (int i = 0; i < f.size; i++) {
            if (FixedMath.overflows(s.current[i], f.currentScale, iBits)) f.overflows[FixedLifState.I]++;
            if (FixedMath.overflows(s.dv[i], f.voltageScale, vBits)) f.overflows[FixedLifState.DV]++;
            int current = FixedMath.quantize(s.current[i], f.currentScale, iBits);
            int dv = FixedMath.quantize(s.dv[i], f.voltageScale, vBits);
            s.current[i] = 0f;
            s.dv[i] = 0f;
            int noise = rounding == Rounding.STOCHASTIC ? FixedMath.noise(f.seed, f.step, i) : 0;
            long vInf = (long) f.restingPotential[i] + FixedMath.mul(current, f.gain[i], bits, rounding, noise);
            long vNew = vInf + FixedMath.mul((int) (f.v[i] - vInf), f.decay[i], bits, rounding, noise) + dv;
            long clipped = FixedMath.saturate(vNew, vLimit);
            if (clipped != vNew) f.overflows[FixedLifState.V]++;
            if (f.refractoryLeft[i] > 0) {
                f.v[i] = f.resetPotential[i];
                f.refractoryLeft[i]--;
                continue;
            }
            boolean spike = f.inclusiveThreshold ? clipped >= f.threshold[i] : clipped > f.threshold[i];
            if (spike) {
                f.v[i] = f.resetPotential[i];
                f.refractoryLeft[i] = f.refractoryHold[i];
                spikesOut[count++] = i;
            } else {
                f.v[i] = (int) clipped;
            }
        }
        f.step++;
        return count;
    }

    public static int vectorStep(FixedLifState f, LifState s, int[] spikesOut) {
        int bits = f.profile.decayBits();
        Rounding rounding = f.profile.rounding();
        int vBits = f.profile.voltageBits(), iBits = f.profile.currentBits(), vLimit = f.profile.voltageLimit();
        FloatVector zero = FloatVector.zero(F);
        IntVector noNoise = IntVector.zero(I);
        int count = 0;
        for (int i = 0; i < f.padded; i += I.length()) {
            IntVector current = IntLanes.quantize(FloatVector.fromArray(F, s.current, i), f.currentScale, iBits,
                    f.overflows, FixedLifState.I);
            IntVector dv = IntLanes.quantize(FloatVector.fromArray(F, s.dv, i), f.voltageScale, vBits, f.overflows,
                    FixedLifState.DV);
            zero.intoArray(s.current, i);
            zero.intoArray(s.dv, i);
            IntVector noise = rounding == Rounding.STOCHASTIC ? IntLanes.noise(f.seed, f.step, i) : noNoise;
            IntVector vInf = IntVector.fromArray(I, f.restingPotential, i)
                    .add(mul(current, IntVector.fromArray(I, f.gain, i), bits, rounding, noise));
            IntVector v = IntVector.fromArray(I, f.v, i);
            IntVector vNew = vInf.add(mul(v.sub(vInf), IntVector.fromArray(I, f.decay, i), bits, rounding, noise)).add(dv);
            vNew = IntLanes.saturate(vNew, vLimit, f.overflows, FixedLifState.V);
            count = thresholdAndReset(f, i, vNew, spikesOut, count);
        }
        f.step++;
        return count;
    }

    private static IntVector mul(IntVector x, IntVector m, int bits, Rounding rounding, IntVector noise) {
        return switch (rounding) {
            case TRUNCATE -> IntLanes.mulTruncate(x, m, bits);
            case NEAREST -> IntLanes.mulFloor(x, m, bits, 1 << (bits - 1));
            case STOCHASTIC -> IntLanes.mulFloor(x, m, bits, noise.lanewise(VectorOperators.AND, (1 << bits) - 1));
        };
    }

    /** As in VectorLifKernel: refractory hold, threshold, reset, spikes from the mask bits. */
    private static int thresholdAndReset(FixedLifState f, int i, IntVector vNew, int[] spikesOut, int count) {
        IntVector left = IntVector.fromArray(I, f.refractoryLeft, i);
        VectorMask<Integer> hold = left.compare(VectorOperators.GT, 0);
        IntVector threshold = IntVector.fromArray(I, f.threshold, i);
        VectorMask<Integer> crossed = f.inclusiveThreshold ? vNew.compare(VectorOperators.GE, threshold)
                : vNew.compare(VectorOperators.GT, threshold);
        VectorMask<Integer> spike = crossed.andNot(hold);
        vNew.blend(IntVector.fromArray(I, f.resetPotential, i), spike.or(hold)).intoArray(f.v, i);
        left = left.lanewise(VectorOperators.SUB, 1, hold);
        if (spike.anyTrue()) {
            left = left.blend(IntVector.fromArray(I, f.refractoryHold, i), spike);
            long maskBits = spike.toLong();
            while (maskBits != 0) {
                spikesOut[count++] = i + Long.numberOfTrailingZeros(maskBits);
                maskBits &= maskBits - 1;
            }
        }
        left.intoArray(f.refractoryLeft, i);
        return count;
    }

    @Override public List<String> ownVariableNames() { return List.of("v"); }

    @Override
    public Variable ownVariable(String name) {
        return name.equals("v") ? new Volts(state) : null;
    }

    @Override
    public void parameterChanged(LifState s, String param, int neuron) {
        state.requantize(s, param, neuron);
    }

    /** v in volts: the integer times LSB_v. */
    private record Volts(FixedLifState f) implements Variable {
        @Override public String name() { return "v"; }

        @Override public Dimension dimension() { return Dimension.VOLTAGE; }

        @Override public double value(int neuron) { return f.volts(neuron); }
    }
}
