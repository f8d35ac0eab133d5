package org.spikelane.inputs;

import java.util.Arrays;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.FixedMath;
import org.spikelane.simd.Simd;
import org.spikelane.spi.FixedTarget;

/**
 * {@link ExponentialPulses} under {@code precision: fixed}: an int state per target slot, in LSB_v
 * of {@code R I}. An event adds the slot's quantized amplitude (saturated at the contribution
 * limit, counted); each step the state is added to the drive and then decays,
 * {@code state <- floor((state d + 2^(b-1)) / 2^b)} with {@code d = round(e^{-dt/tau} 2^b)},
 * {@code b = decayBits} (16): round to nearest, so an event at step k shows {@code A} at step k,
 * about {@code A e^{-dt/tau}} at k + 1, as in float32.
 *
 * <p>Round to nearest has a dead band: a state with {@code |x| (1 - d/2^b) < 1/2} rounds back to
 * itself (for tau = 2 ms at dt = 0.1 ms, |x| <= 10 LSB_v, about 37 nV of {@code R I}). So that
 * pulses still end and quiet steps cost nothing, a bound on the largest |state| is tracked in
 * double ({@code bound <- bound d + 1/2}), and once it is within one LSB of the dead band every
 * state is cleared, as the float kernel drops pulses below 1e-12 of their height.
 *
 * <p>Decay pass: split multiply of {@link org.spikelane.fixed.IntLanes} ({@code 0 <= d <= 2^b},
 * {@code |state| <= 2^29}: {@code |hi d| < 2^31} and {@code lo d + 2^(b-1) < 2^32}, read unsigned),
 * written out in the loop; the scalar reference is the long product of {@link FixedMath#mulFloor}.
 */
final class FixedExponentialPulses implements PulseTrigger {
    private static final VectorSpecies<Integer> I = Simd.INT;

    private final Targets targets;
    private final FixedTarget target;
    private final int[] amplitude;
    private final int[] state;
    private final int decay;
    private final int bits;
    private final double decayFactor;
    /** |state| below this is a fixed point of the rounded decay (infinite when d = 1: nothing decays). */
    private final double deadBand;
    private final boolean vector;
    private double bound;
    private boolean active;

    FixedExponentialPulses(Targets targets, FixedTarget target, double amperes, double tau, double dt) {
        this.targets = targets;
        this.target = target;
        this.amplitude = FixedDrive.quantize(target, targets, amperes);
        this.state = FixedDrive.slots(targets, target);
        this.bits = target.decayBits();
        this.decay = (int) Math.rint(Math.exp(-dt / tau) * (1 << bits));
        this.decayFactor = decay / (double) (1 << bits);
        this.deadBand = decay >= 1 << bits ? Double.NEGATIVE_INFINITY : 0.5 / (1 - decayFactor);
        this.vector = target.vector();
    }

    @Override public void trigger(int slot, long step) {
        int limit = target.contributionLimit();
        long sum = (long) state[slot] + amplitude[slot];
        if (Math.abs(sum) > limit) target.countClipped(false, 1);
        state[slot] = (int) FixedMath.saturate(sum, limit);
        bound = Math.min(bound + Math.abs(amplitude[slot]), limit);
        active = true;
    }

    /** Adds every state to the drive, then decays it by one step. */
    void addDrive(int[] drive) {
        if (!active) return;
        int[] neurons = targets.indices;
        int half = 1 << (bits - 1);
        if (neurons != null) {
            for (int k = 0; k < state.length; k++) {
                drive[neurons[k]] += state[k];
                state[k] = FixedMath.mulFloor(state[k], decay, bits, half);
            }
        } else if (vector) {
            int low = (1 << bits) - 1;
            for (int i = 0; i < state.length; i += I.length()) {
                IntVector x = IntVector.fromArray(I, state, i);
                IntVector.fromArray(I, drive, i).add(x).intoArray(drive, i);
                x.lanewise(VectorOperators.ASHR, bits).mul(decay)
                        .add(x.lanewise(VectorOperators.AND, low).mul(decay).add(half).lanewise(VectorOperators.LSHR, bits))
                        .intoArray(state, i);
            }
        } else {
            for (int i = 0; i < state.length; i++) {
                drive[i] += state[i];
                state[i] = FixedMath.mulFloor(state[i], decay, bits, half);
            }
        }
        bound = bound * decayFactor + 0.5;
        if (bound < deadBand + 1) {
            Arrays.fill(state, 0);
            bound = 0;
            active = false;
        }
    }
}
