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

    /**
     * Two passes over the population: quantize the float accumulators into {@code f.currentQ},
     * {@code f.dvQ}; then integrate, threshold and reset. Every vector operation is written
     * inside the loop bodies (no own helper takes a vector argument): a fused body with helpers
     * exceeded C2's node budget (NodeCountInliningCutoff), and a vector passed to a helper that
     * is not inlined is boxed, 64 bytes per lane group per step. The Vector API's own methods
     * are force-inlined regardless of that budget.
     */
    public static int vectorStep(FixedLifState f, LifState s, int[] spikesOut) {
        quantizeInputs(f, s);
        int count = integrateAndFire(f, spikesOut);
        f.step++;
        return count;
    }

    /** {@link IntLanes#quantize} of both accumulators, written out; clears them. */
    private static void quantizeInputs(FixedLifState f, LifState s) {
        float currentBound = (float) (1 << (f.profile.currentBits() - 1)), voltageBound = (float) (1 << (f.profile.voltageBits() - 1));
        int currentLimit = f.profile.currentLimit(), voltageLimit = f.profile.voltageLimit();
        FloatVector half = FloatVector.broadcast(F, 0.5f), minusHalf = FloatVector.broadcast(F, -0.5f), zero = FloatVector.zero(F);
        long currentOverflows = 0, dvOverflows = 0;
        for (int i = 0; i < f.padded; i += F.length()) {
            FloatVector y = FloatVector.fromArray(F, s.current, i).mul(f.currentScale);
            FloatVector r = y.add(half.blend(minusHalf, y.compare(VectorOperators.LT, 0f)));
            currentOverflows += r.abs().compare(VectorOperators.GE, currentBound).trueCount();
            ((IntVector) r.max(-currentBound).min(currentBound).convert(VectorOperators.F2I, 0))
                    .max(-currentLimit).min(currentLimit).intoArray(f.currentQ, i);
            FloatVector z = FloatVector.fromArray(F, s.dv, i).mul(f.voltageScale);
            FloatVector q = z.add(half.blend(minusHalf, z.compare(VectorOperators.LT, 0f)));
            dvOverflows += q.abs().compare(VectorOperators.GE, voltageBound).trueCount();
            ((IntVector) q.max(-voltageBound).min(voltageBound).convert(VectorOperators.F2I, 0))
                    .max(-voltageLimit).min(voltageLimit).intoArray(f.dvQ, i);
            zero.intoArray(s.current, i);
            zero.intoArray(s.dv, i);
        }
        f.overflows[FixedLifState.I] += currentOverflows;
        f.overflows[FixedLifState.DV] += dvOverflows;
    }

    /**
     * Integration with the quantized inputs, then refractory hold, threshold and reset as in
     * VectorLifKernel. Both products are {@link IntLanes#mulFloor}'s split multiply written out;
     * one branch-free form serves every rounding: truncation is the floor product of |x| with
     * the sign put back (lanes of {@code truncate}), nearest adds 2^(bits-1), stochastic adds
     * the noise lanes.
     */
    private static int integrateAndFire(FixedLifState f, int[] spikesOut) {
        int bits = f.profile.decayBits(), low = (1 << bits) - 1, vLimit = f.profile.voltageLimit();
        Rounding rounding = f.profile.rounding();
        boolean stochastic = rounding == Rounding.STOCHASTIC;
        VectorMask<Integer> truncate = I.maskAll(rounding == Rounding.TRUNCATE);
        IntVector constantAddend = IntVector.broadcast(I, rounding == Rounding.NEAREST ? 1 << (bits - 1) : 0);
        long vOverflows = 0;
        int count = 0;
        for (int i = 0; i < f.padded; i += I.length()) {
            IntVector addend = stochastic ? IntLanes.noise(f.seed, f.step, i).lanewise(VectorOperators.AND, low) : constantAddend;
            // v_inf = E_L + I * gain / 2^bits
            IntVector current = IntVector.fromArray(I, f.currentQ, i);
            VectorMask<Integer> flip = current.compare(VectorOperators.LT, 0).and(truncate);
            IntVector x = current.blend(current.neg(), flip);
            IntVector gain = IntVector.fromArray(I, f.gain, i);
            IntVector p = x.lanewise(VectorOperators.ASHR, bits).mul(gain)
                    .add(x.lanewise(VectorOperators.AND, low).mul(gain).add(addend).lanewise(VectorOperators.LSHR, bits));
            IntVector vInf = IntVector.fromArray(I, f.restingPotential, i).add(p.blend(p.neg(), flip));
            // v' = v_inf + (v - v_inf) * d / 2^bits + dv
            IntVector diff = IntVector.fromArray(I, f.v, i).sub(vInf);
            flip = diff.compare(VectorOperators.LT, 0).and(truncate);
            x = diff.blend(diff.neg(), flip);
            IntVector decay = IntVector.fromArray(I, f.decay, i);
            p = x.lanewise(VectorOperators.ASHR, bits).mul(decay)
                    .add(x.lanewise(VectorOperators.AND, low).mul(decay).add(addend).lanewise(VectorOperators.LSHR, bits));
            IntVector vNew = vInf.add(p.blend(p.neg(), flip)).add(IntVector.fromArray(I, f.dvQ, i));
            vOverflows += vNew.compare(VectorOperators.GT, vLimit).or(vNew.compare(VectorOperators.LT, -vLimit)).trueCount();
            vNew = vNew.max(-vLimit).min(vLimit);

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
        }
        f.overflows[FixedLifState.V] += vOverflows;
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
