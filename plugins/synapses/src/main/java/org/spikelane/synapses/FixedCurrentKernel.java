package org.spikelane.synapses;

import java.util.List;
import org.spikelane.spi.LifParameters;
import org.spikelane.record.Variable;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.Propagators;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * What the fixed-point exponential and alpha current kernels share. The int state {@code effect}
 * is kept in the units of its effect on {@code v}: {@code effect_i = P21_i I_syn_i / LSB_v},
 * with {@link #fractionBits} extra fraction bits, so a step adds
 * {@code round(effect_i / 2^fractionBits)} LSB_v to {@link FixedTarget#jump()} and the per-step
 * work is adds, shifts and one decay, with no per-target multiply.
 *
 * <p>The decay is a leak, {@code x <- x - round(x e)} with {@code e = 1 - e^{-dt/tau_syn}}
 * quantized with {@code 16 + leakShift} fraction bits, as many as keep
 * {@code leak = round(e 2^(16 + leakShift))} within 16 bits, rather than a Q16 factor
 * {@code round(e^{-dt/tau} 2^16)}: the Q16 factor is off by up to 2^-17 absolute, an effective
 * {@code tau_syn} off by up to {@code 2^-17 tau_syn / dt} relative (3.8e-4 at 5 ms, 7.6 % at 1 s),
 * while the leak keeps it within about 2^-16 relative at any length. In 32-bit lanes, with
 * {@code x = hi 2^16 + lo} and {@code B = 16 + leakShift}: {@code floor((x leak + 2^(B-1)) / 2^B)
 * = (hi leak + ((lo leak + a_lo) >>> 16) + a_hi) >> leakShift}, the rounding addend entering as
 * {@code a_lo = 2^15} when {@code leakShift = 0}, else as {@code a_hi = 2^(leakShift-1)}
 * ({@code |hi leak| <= 2^29}, {@code lo leak + a_lo < 2^32} read unsigned). {@link #leakOf} is
 * the long reference.
 *
 * <p>Why fraction bits: round to nearest has a dead band, a state {@code y} with
 * {@code y (1 - P11) <= 1/2} never decays ({@code y = round(y P11)}), i.e. about
 * {@code tau_syn / (2 dt)} LSB (25 LSB_v for 5 ms at 0.1 ms). Held in LSB_v it would add those
 * 25 LSB_v to {@code v} every step forever (10 uV of offset through {@code tau_m = 10 ms}).
 * With {@code 2^fractionBits >= 2 tau_syn / dt} the stuck remainder rounds to a jump of 0.
 * The price is range: the state saturates at {@code +-2^29} (counted as {@code dv} overflows), so
 * one projection's jump is at most {@code 2^(29 - fractionBits)} LSB_v per step, 15.6 mV for
 * {@code tau_syn = 5 ms}, {@code dt = 0.1 ms} and LSB_v = 2^-28 V.
 *
 * <p>Propagators ({@link Propagators}, the singular case {@code tau_syn == tau_m} included) are
 * computed in double once, from the float view's {@code tau_m}, {@code C}, {@code R}; each event
 * adds {@code round(w * perEvent_t)} to the state it kicks, in long arithmetic, saturated.
 */
abstract class FixedCurrentKernel implements SynapseKernel {
    /** Magnitude limit of every int state: sums of two states and their rounding addends stay in int. */
    static final int STATE_LIMIT = 1 << 29;
    /** Bits of the low half of the split product. */
    static final int LOW_BITS = 16;

    protected final FixedTarget target;
    protected final int[] jump;
    protected final int size;
    protected final int padded;
    protected final boolean vector;
    /** The state, in LSB_v / 2^fractionBits. */
    final int[] effect;
    final int fractionBits;
    protected final int decayBits;
    /** {@code round(e 2^(16 + leakShift))}, at most 2^16, {@code e = 1 - e^{-dt/tau_syn}}. */
    protected final int leak;
    protected final int leakShift;
    /** The rounding addend {@code 2^(B-1)}, split over the low and high halves of the product. */
    protected final int lowAddend, highAddend;
    protected final int jumpLimit;
    /** {@code P21} of each target, in V per unit of weight (A, or V meaning R I); padding 0. */
    protected final double[] p21;
    private final double[] toAmperes;

    FixedCurrentKernel(SynapseContext context, FixedTarget target, double tau) {
        this.target = target;
        LifParameters s = target.parameters();
        double h = context.dt();
        jump = target.jump();
        size = s.size();
        padded = s.padded();
        vector = context.vector();
        effect = new int[padded];
        fractionBits = fractionBits(tau, h);
        decayBits = target.decayBits();
        double e = -Math.expm1(-h / tau);
        int shift = 0;
        while (shift < 29 && Math.rint(Math.scalb(e, LOW_BITS + shift + 1)) < 1 << LOW_BITS) shift++;
        leakShift = shift;
        leak = (int) Math.rint(Math.scalb(e, LOW_BITS + shift));
        lowAddend = shift == 0 ? 1 << (LOW_BITS - 1) : 0;
        highAddend = shift == 0 ? 0 : 1 << (shift - 1);
        jumpLimit = target.contributionLimit();
        double[] scale = CurrentScale.of(s, context.weightDimension());
        p21 = new double[padded];
        for (int i = 0; i < size; i++) p21[i] = Propagators.expCurrent(h, s.tauM(i), tau, scale[i]);
        double[] amperes = CurrentScale.toAmperes(s, context.weightDimension());
        toAmperes = new double[padded];
        for (int i = 0; i < size; i++) toAmperes[i] = amperes[i] * stateUnit() / p21[i];
    }

    /** Smallest {@code F} in [1, 12] with {@code 2^F >= 2 tau / h}: the dead band rounds to a zero jump. */
    static int fractionBits(double tau, double h) {
        int f = 1;
        while (f < 12 && (double) (1 << f) < 2 * tau / h) f++;
        return f;
    }

    /** {@code round(x e)}: the leak of one step, in long arithmetic (the scalar reference). */
    final int leakOf(int x) {
        int bits = LOW_BITS + leakShift;
        return (int) (((long) x * leak + (1L << (bits - 1))) >> bits);
    }

    /** The one-step decay as held, {@code 1 - leak / 2^(16 + leakShift)} (for tests and reports). */
    final double heldDecay() { return 1 - Math.scalb((double) leak, -(LOW_BITS + leakShift)); }

    /** Volts per unit of the int state. */
    final double stateUnit() { return Math.scalb(target.voltLsb(), -fractionBits); }

    /**
     * Adds {@code round(weights[k] * perEvent[target])} to {@code state}, saturated and counted.
     * For the projection's own table the rounded increments were made once by {@link #prepare}:
     * the event is then an int add and a range check (the same bits: see {@link SaturatingAdd#increment}).
     */
    protected final void kick(int[] state, double[] perEvent, int[] targets, float[] weights, int from, int to) {
        long clipped = 0;
        int[] q = weights == preparedWeights ? increments : null;
        if (q != null) {
            for (int k = from; k < to; k++) clipped += SaturatingAdd.add(state, targets[k], q[k], STATE_LIMIT);
        } else {
            for (int k = from; k < to; k++) {
                int t = targets[k];
                clipped += SaturatingAdd.add(state, t, weights[k] * perEvent[t], STATE_LIMIT);
            }
        }
        if (clipped > 0) target.countClipped(true, clipped);
    }

    /** What an event of unit weight adds to the kicked state of each target (state units per unit of weight). */
    protected abstract double[] perEvent();

    /** The table {@link #increments} were made for, or null. */
    private float[] preparedWeights;
    /** Per synapse of that table: its event's rounded increment, {@link SaturatingAdd#increment}. */
    private int[] increments;

    @Override
    public final void prepare(int[] targets, float[] weights) {
        double[] perEvent = perEvent();
        int[] q = new int[weights.length];
        for (int k = 0; k < q.length; k++) q[k] = SaturatingAdd.increment(weights[k] * perEvent[targets[k]], STATE_LIMIT);
        increments = q;
        preparedWeights = weights;
    }

    /** The recorded synaptic current in A, like the float kernels' {@code I_syn}. */
    @Override
    public List<Variable> variables() {
        return List.of(new IntStateVariable("I_syn", Dimension.CURRENT, effect, toAmperes));
    }

    /** The int synaptic state and the double factors it was quantized with; subclasses add theirs. */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("effect", Role.STATE, "LSB_v/2^F", effect);
        s.array("p21", Role.PARAMETER, "V/A", p21);
        s.array("toAmperes", Role.PARAMETER, StateDeclarer.NO_UNIT, toAmperes);
        if (increments != null) s.array("increments", Role.PARAMETER, "state unit", increments);
    }
}
