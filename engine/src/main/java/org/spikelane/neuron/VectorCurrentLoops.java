package org.spikelane.neuron;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.simd.Simd;

/**
 * The float32 LIF step on the current path in two loops specialised to the common shapes of a
 * population; {@link VectorLifKernel}'s general loop takes every other shape. Same operations in
 * the same order as the general loop and {@link ScalarLifKernel}, so the same bits.
 *
 * <p>Why: the general loop reads every value that may be shared at {@code i & mask}. Such an index
 * is not linear in {@code i}, so C2 keeps a bounds check per load and lane group and holds the
 * arrays and masks in stack slots (measured: CUBA's kernel 28 % slower); and a population without
 * fused currents still runs two do-nothing channels over its {@code current} (a quarter of the
 * step at 1000 neurons). Here what is shared is loaded once before the loop and everything else
 * is read at {@code i}, so C2 hoists the bounds checks out of the loop. And the accumulators are
 * cleared only in lane groups where they are not zero already ({@link LaneSteps#clearWhereSet}).
 *
 * <ul>
 *   <li>{@link #uniform}: every neuron shares {@code E_L}, {@code R}, {@code tau_m}, {@code v_reset}
 *       and its constant input, and at most two fused currents with shared propagators (CUBA,
 *       any network whose populations are given scalar parameters);</li>
 *   <li>{@link #perNeuron}: no fused currents and one constant input for all (a heterogeneous
 *       population driven by inputs and delta synapses, the LIF benchmark).</li>
 * </ul>
 *
 * <p>Each loop keeps its vectors in one method body, as {@link VectorLifKernel} does: a vector
 * handed to a helper C2 does not inline is boxed. What the loops share ({@link LaneSteps}: the
 * clearing, the refractory counters, the spike list) takes arrays and mask bits.
 */
final class VectorCurrentLoops {
    private VectorCurrentLoops() {}

    private static final VectorSpecies<Float> F = Simd.FLOAT;
    private static final VectorSpecies<Integer> I = Simd.INT;

    /** The most fused currents {@link #stepUniform} writes out. */
    static final int UNIFORM_CHANNELS = 2;

    /** Whether {@link #stepUniform} may step {@code s}: current path, all shared, at most two fused currents, shared propagators. */
    static boolean uniform(LifState s) {
        CurrentChannels fused = s.fused;
        int channels = fused.count();
        if (s.conductance() || s.alphas.count() > 0 || s.sharedParameterMask != 0 || s.constant.mask != 0 || channels > UNIFORM_CHANNELS) return false;
        for (int c = 0; c < channels; c++) if (fused.propagatorMask[c] != 0) return false;
        return true;
    }

    /** Whether {@link #stepPerNeuron} may step {@code s}: current path, no fused currents or alpha currents, one constant input for all. */
    static boolean perNeuron(LifState s) {
        return !s.conductance() && s.alphas.count() == 0 && s.fused.count() == 0 && s.constant.mask == 0;
    }

    /**
     * The step of a population for which {@link #uniform} holds. Shared values come from the
     * first vector, as the general loop reads them at {@code i & 0}. A missing channel reads zero
     * propagators and passes {@code current} through unchanged, as in the general loop.
     */
    static int stepUniform(LifState s, int from, int to, int[] spikesOut, int offset) {
        CurrentChannels fused = s.fused;
        int channels = fused.count();
        boolean has0 = channels > 0, has1 = channels > 1;
        float[] x0 = has0 ? fused.state[0] : s.current, x1 = has1 ? fused.state[1] : s.current;
        FloatVector p0 = FloatVector.fromArray(F, has0 ? fused.propagator[0] : fused.none, 0);
        FloatVector p1 = FloatVector.fromArray(F, has1 ? fused.propagator[1] : fused.none, 0);
        FloatVector d0 = FloatVector.broadcast(F, has0 ? fused.decay[0] : 1f), d1 = FloatVector.broadcast(F, has1 ? fused.decay[1] : 1f);
        FloatVector l0 = FloatVector.broadcast(F, has0 ? fused.decayLow[0] : 0f), l1 = FloatVector.broadcast(F, has1 ? fused.decayLow[1] : 0f);
        FloatVector constant = FloatVector.fromArray(F, s.constant.sum, 0);
        FloatVector resistance = FloatVector.fromArray(F, s.resistance, 0);
        FloatVector rest = FloatVector.fromArray(F, s.restingPotential, 0);
        FloatVector decay = FloatVector.fromArray(F, s.decay, 0);
        FloatVector reset = FloatVector.fromArray(F, s.resetPotential, 0);
        float[] current = s.current, dvIn = s.dv, v = s.v, threshold = s.threshold;
        int[] refractory = s.refractoryLeft, hold = s.refractoryHold;
        boolean inclusive = s.inclusiveThreshold;
        int count = offset;
        for (int i = from; i < to; i += F.length()) {
            FloatVector vInf = resistance.fma(FloatVector.fromArray(F, current, i).add(constant), rest);
            FloatVector dv = FloatVector.fromArray(F, dvIn, i);
            LaneSteps.clearWhereSet(current, dvIn, i);
            FloatVector xa = FloatVector.fromArray(F, x0, i);
            dv = p0.fma(xa, dv);
            xa.fma(d0, xa.mul(l0)).intoArray(x0, i);
            FloatVector xb = FloatVector.fromArray(F, x1, i);
            dv = p1.fma(xb, dv);
            xb.fma(d1, xb.mul(l1)).intoArray(x1, i);
            FloatVector vNew = FloatVector.fromArray(F, v, i).sub(vInf).fma(decay, vInf).add(dv);
            // refractory neurons are held at v_reset and cannot spike
            VectorMask<Float> held = VectorMask.fromLong(F, LaneSteps.held(refractory, i));
            FloatVector theta = FloatVector.fromArray(F, threshold, i);
            VectorMask<Float> spike = (inclusive ? vNew.compare(VectorOperators.GE, theta) : vNew.compare(VectorOperators.GT, theta)).andNot(held);
            vNew.blend(reset, spike.or(held)).intoArray(v, i);
            count = LaneSteps.advance(refractory, hold, i, spike.toLong(), spikesOut, count);
        }
        return count - offset;
    }

    /**
     * The step of a population for which {@link #perNeuron} holds: every parameter read per
     * neuron (a shared one holds the same value in every neuron's entry), the constant input
     * from the first vector.
     */
    static int stepPerNeuron(LifState s, int from, int to, int[] spikesOut, int offset) {
        FloatVector constant = FloatVector.fromArray(F, s.constant.sum, 0);
        float[] current = s.current, dvIn = s.dv, v = s.v, threshold = s.threshold;
        float[] resistance = s.resistance, rest = s.restingPotential, decay = s.decay, reset = s.resetPotential;
        int[] refractory = s.refractoryLeft, hold = s.refractoryHold;
        boolean inclusive = s.inclusiveThreshold;
        int count = offset;
        for (int i = from; i < to; i += F.length()) {
            FloatVector in = FloatVector.fromArray(F, current, i).add(constant);
            FloatVector vInf = FloatVector.fromArray(F, resistance, i).fma(in, FloatVector.fromArray(F, rest, i));
            FloatVector vNew = FloatVector.fromArray(F, v, i).sub(vInf).fma(FloatVector.fromArray(F, decay, i), vInf)
                    .add(FloatVector.fromArray(F, dvIn, i));
            LaneSteps.clearWhereSet(current, dvIn, i);
            // refractory neurons are held at v_reset and cannot spike
            VectorMask<Float> held = VectorMask.fromLong(F, LaneSteps.held(refractory, i));
            FloatVector theta = FloatVector.fromArray(F, threshold, i);
            VectorMask<Float> spike = (inclusive ? vNew.compare(VectorOperators.GE, theta) : vNew.compare(VectorOperators.GT, theta)).andNot(held);
            vNew.blend(FloatVector.fromArray(F, reset, i), spike.or(held)).intoArray(v, i);
            count = LaneSteps.advance(refractory, hold, i, spike.toLong(), spikesOut, count);
        }
        return count - offset;
    }
}
