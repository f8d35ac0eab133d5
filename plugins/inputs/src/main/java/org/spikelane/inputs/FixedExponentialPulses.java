package org.spikelane.inputs;

import java.util.Arrays;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.FixedMath;
import org.spikelane.simd.Simd;
import org.spikelane.spi.FixedTarget;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * {@link ExponentialPulses} under {@code precision: fixed}: an int state per target slot, in LSB_v
 * of {@code R I}. An event adds the slot's quantized amplitude (saturated at the contribution
 * limit, counted); each step the state is added to the drive and then loses its leak,
 * {@code state <- state - round(state e)} with {@code e = 1 - e^{-dt/tau}} (the addition clipped
 * and counted as in {@link FixedDrive#add}), so an event at step k
 * shows {@code A} at step k, about {@code A e^{-dt/tau}} at k + 1, as in float32.
 *
 * <p>Exact form, as {@link ExponentialPulses} under float32: the state goes into the drive held
 * over the step (so the recorded {@code I} shows the pulse), and what the held drive misses of the
 * decaying pulse's effect on {@code v}, {@code round(state |c|)} with {@code c} of
 * {@link FixedPulseCorrection} (about -2.5 % of the held effect at {@code dt/tau = 0.05}), is
 * subtracted from {@link FixedTarget#jump()} in the same pass: together the {@code exp_current}
 * propagator {@code P21} of the leak-only membrane.
 *
 * <p>Why the leak and not {@code round(state d / 2^16)} with a Q16 decay {@code d}: a Q16 decay
 * is off by up to 2^-17 absolute, i.e. an effective tau off by {@code 2^-17 tau / dt} relative
 * (4e-4 at tau = 20 ms, 8 % at 1 s, dt = 0.1 ms). The leak {@code e} is small for long tau, so it
 * is quantized with as many fraction bits {@code B = 16 + s} as keep {@code m = round(e 2^B)}
 * within 16 bits: tau is then within about 2^-16 relative whatever its length. The product keeps
 * 32-bit lanes: {@code x = hi 2^16 + lo}, {@code floor((x m + a) / 2^B) =
 * (hi m + ((lo m + a_lo) >>> 16) + a_hi) >> s} exactly ({@code |hi m| < 2^29},
 * {@code lo m + a_lo < 2^32} read unsigned; the rounding addend {@code 2^(B-1)} goes in as
 * {@code a_lo = 2^15} when {@code s = 0}, else as {@code a_hi = 2^(s-1)}). The scalar reference is
 * the long product.
 *
 * <p>Round to nearest has a dead band: a state with {@code |x| e < 1/2} has no leak (for tau = 2 ms
 * at dt = 0.1 ms, |x| <= 10 LSB_v, about 37 nV of {@code R I}). So that pulses still end and quiet
 * steps cost nothing, a bound on the largest |state| is tracked in double
 * ({@code bound <- bound (1 - e) + 1/2}), and once it is within one LSB of the dead band every
 * state is cleared, as the float kernel drops pulses below 1e-12 of their height.
 */
final class FixedExponentialPulses implements PulseTrigger, StateOwner {
    private static final VectorSpecies<Integer> I = Simd.INT;
    private static final int LOW_BITS = 16;

    private final Targets targets;
    private final FixedTarget target;
    private final int[] amplitude;
    private final int[] state;
    /** The leak {@code round(e 2^(16 + shift))}, at most 2^16. */
    private final int leak;
    private final int shift;
    private final int lowAddend, highAddend;
    private final double keep;
    /** |state| below this has no leak (infinite when tau is so long that the leak rounds to 0). */
    private final double deadBand;
    private final boolean vector;
    /** What the held drive misses of the pulse's effect on v, per slot: subtracted from the jump each step. */
    private final FixedPulseCorrection correction;
    private final int[] jump;
    private double bound;
    private boolean active;
    /** Set once per step by {@link #beginStep}: whether the ranges add the states, and whether they then clear them. */
    private boolean adding, endsThisStep;

    /** @param amplitude the pulse height of each slot, quantized (LSB_v of {@code R I}) */
    FixedExponentialPulses(Targets targets, FixedTarget target, int[] amplitude, double tau, double dt) {
        this.targets = targets;
        this.target = target;
        this.amplitude = amplitude;
        this.state = FixedDrive.slots(targets, target);
        FixedLeak quantizedLeak = FixedLeak.of(-Math.expm1(-dt / tau));
        this.shift = quantizedLeak.shift();
        this.leak = quantizedLeak.leak();
        this.lowAddend = quantizedLeak.lowAddend();
        this.highAddend = quantizedLeak.highAddend();
        double quantized = quantizedLeak.fraction();
        this.keep = 1 - quantized;
        this.deadBand = leak == 0 ? Double.POSITIVE_INFINITY : 0.5 / quantized;
        this.vector = target.vector();
        this.correction = FixedPulseCorrection.of(targets, target, tau, dt);
        this.jump = target.jump();
    }

    /** The exact form's correction (for tests). */
    FixedPulseCorrection correction() { return correction; }

    /** Relative error of the effective tau, {@code -dt / ln(1 - e_quantized)} against tau (for the docs and tests). */
    double tauError(double tau, double dt) { return -dt / Math.log(keep) / tau - 1; }

    @Override public void trigger(int slot, long step) {
        int limit = target.contributionLimit();
        long sum = (long) state[slot] + amplitude[slot];
        if (Math.abs(sum) > limit) target.countClipped(false, 1);
        state[slot] = (int) FixedMath.saturate(sum, limit);
        bound = Math.min(bound + Math.abs(amplitude[slot]), limit);
        active = true;
    }

    /**
     * Once per step, after the step's events: advances the bound past this step's decay and
     * decides whether that decay ends the pulses, so that each range can clear its own states
     * instead of one pass clearing all of them.
     */
    void beginStep() {
        adding = active;
        endsThisStep = false;
        if (!active) return;
        bound = bound * keep + 0.5;
        if (bound < deadBand + 1) {
            endsThisStep = true;
            bound = 0;
            active = false;
        }
    }

    /**
     * Adds the states of the slots on neurons in {@code [from, to)} to the drive and subtracts
     * their corrections ({@link FixedPulseCorrection}) from the jump, then decays (or clears) them
     * by one step. Both sums are exact in int ({@code |drive|, |jump|, |state| <= limit <= 2^29}, a
     * correction at most |state|), so the clip is all there is to do (as in {@link FixedDrive#add}).
     */
    void addDrive(int from, int to, int[] drive) {
        if (!adding) return;
        int[] neurons = targets.indices;
        int limit = target.contributionLimit();
        long clipped = 0, jumpsClipped = 0;
        int bits = LOW_BITS + shift;
        long half = 1L << (bits - 1);
        if (neurons != null) {
            for (int k = targets.firstSlot(from), end = targets.firstSlot(to); k < end; k++) {
                clipped += FixedDrive.addClipped(drive, neurons[k], state[k], limit);
                jumpsClipped += FixedDrive.addClipped(jump, neurons[k], -correction.of(state[k], k), limit);
                state[k] -= (int) (((long) state[k] * leak + half) >> bits);
            }
        } else if (vector) {
            int low = (1 << LOW_BITS) - 1;
            int[] multiplier = correction.multiplier;
            int cShift = correction.shift, cLowAddend = correction.lowAddend, cHighAddend = correction.highAddend;
            for (int i = from; i < to; i += I.length()) {
                IntVector x = IntVector.fromArray(I, state, i);
                IntVector sum = IntVector.fromArray(I, drive, i).add(x);
                IntVector clip = sum.max(-limit).min(limit);
                VectorMask<Integer> out = clip.compare(VectorOperators.NE, sum);
                if (out.anyTrue()) clipped += out.trueCount();
                clip.intoArray(drive, i);
                IntVector xLow = x.lanewise(VectorOperators.AND, low), xHigh = x.lanewise(VectorOperators.ASHR, LOW_BITS);
                IntVector m = IntVector.fromArray(I, multiplier, i);
                IntVector missing = xHigh.mul(m).add(xLow.mul(m).add(cLowAddend).lanewise(VectorOperators.LSHR, LOW_BITS))
                        .add(cHighAddend).lanewise(VectorOperators.ASHR, cShift);
                IntVector corrected = IntVector.fromArray(I, jump, i).sub(missing);
                IntVector jumpClip = corrected.max(-limit).min(limit);
                VectorMask<Integer> jumpOut = jumpClip.compare(VectorOperators.NE, corrected);
                if (jumpOut.anyTrue()) jumpsClipped += jumpOut.trueCount();
                jumpClip.intoArray(jump, i);
                IntVector lo = xLow.mul(leak).add(lowAddend).lanewise(VectorOperators.LSHR, LOW_BITS);
                x.sub(xHigh.mul(leak).add(lo).add(highAddend).lanewise(VectorOperators.ASHR, shift)).intoArray(state, i);
            }
        } else {
            for (int i = from; i < to; i++) {
                clipped += FixedDrive.addClipped(drive, i, state[i], limit);
                jumpsClipped += FixedDrive.addClipped(jump, i, -correction.of(state[i], i), limit);
                state[i] -= (int) (((long) state[i] * leak + half) >> bits);
            }
        }
        if (clipped > 0) target.countClipped(false, clipped);
        if (jumpsClipped > 0) target.countClipped(true, jumpsClipped);
        if (endsThisStep) {
            if (neurons != null) Arrays.fill(state, targets.firstSlot(from), targets.firstSlot(to), 0);
            else Arrays.fill(state, from, to, 0);
        }
    }

    @Override
    public void declareState(StateDeclarer s) {
        s.array("pulse.amplitude", Role.PARAMETER, "LSB_v", amplitude);
        s.array("pulse.state", Role.STATE, "LSB_v", state);
        s.array("pulse.correction", Role.PARAMETER, "2^-(16+shift)", correction.multiplier);
        s.decimal("pulse.bound", Role.STATE, StateDeclarer.NO_UNIT, () -> bound, b -> bound = b);
        s.scalar("pulse.active", Role.STATE, StateDeclarer.NO_UNIT, () -> active ? 1 : 0, a -> active = a != 0);
    }
}
