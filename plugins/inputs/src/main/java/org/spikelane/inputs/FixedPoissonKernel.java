package org.spikelane.inputs;

import org.spikelane.fixed.FixedMath;
import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.Propagators;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * The {@code poisson} input under {@code precision: fixed}, with the same counts as float32 (the
 * same stream and positions). Its effect goes to the target's {@link FixedTarget#jump()}, the
 * int counterpart of float32's {@code dv}, for the neurons of the range only:
 * <ul>
 *   <li>a jump: {@code jump += count round(weight / LSB_v)};</li>
 *   <li>an exponential current, as the {@code exp_current} synapse's fixed kernel: an int state
 *       {@code y} per slot in units of its effect on v with {@code F} fraction bits
 *       ({@code 2^F >= 2 tau_syn / dt}, so round-to-nearest's dead band rounds to a zero jump);
 *       per step {@code y += count round(weight P21 2^F / LSB_v)}, {@code jump += round(y / 2^F)},
 *       {@code y -= round(y e)} with the leak {@code e = 1 - e^{-dt/tau_syn}} held to 16
 *       significant bits ({@link FixedLeak}).</li>
 * </ul>
 * Every sum is formed in long and saturated: {@code y} at {@code 2^29}, the jump at the
 * contribution limit, each clip counted as a {@code dv} overflow. Scalar (see {@link PoissonKernel}).
 */
final class FixedPoissonKernel implements FixedInputKernel {
    static final int STATE_LIMIT = 1 << 29;

    private final Targets targets;
    private final PoissonCounts counts;
    private final Window window;
    private final FixedTarget target;
    private final int[] jump;
    /** Per slot: one event's addition to the state, in LSB_v / 2^F. */
    private final int[] perEvent;
    private final int fractionBits;
    /** Null for jumps: the state is spent in the step it was made. */
    private final FixedLeak leak;
    private final int[] state;

    FixedPoissonKernel(Targets targets, PoissonCounts counts, Window window, PoissonInput.Event event, FixedTarget target,
                       double dt) {
        this.targets = targets;
        this.counts = counts;
        this.window = window;
        this.target = target;
        this.jump = target.jump();
        LifParameters lif = target.parameters();
        boolean volts = event.unit() == Dimension.VOLTAGE;
        this.fractionBits = event.jump() ? 0 : fractionBits(event.tauSyn(), dt);
        this.leak = event.jump() ? null : FixedLeak.of(-Math.expm1(-dt / event.tauSyn()));
        this.perEvent = new int[targets.count];
        this.state = new int[targets.count];
        long clipped = 0;
        for (int k = 0; k < targets.count; k++) {
            int i = targets.neuron(k);
            double effect = event.jump() ? event.weight() : event.weight()
                    * Propagators.expCurrent(dt, lif.tauM(i), event.tauSyn(), volts ? 1 / lif.tauM(i) : 1 / lif.capacitance(i));
            double units = Math.rint(Math.scalb(effect / target.voltLsb(), fractionBits));
            long limit = event.jump() ? target.contributionLimit() : STATE_LIMIT;
            if (Math.abs(units) > limit) clipped++;
            perEvent[k] = (int) Math.max(-limit, Math.min(limit, units));
        }
        if (clipped > 0) target.countClipped(true, clipped);
    }

    /** Smallest {@code F} in [1, 12] with {@code 2^F >= 2 tau / h}, as the exp_current synapse's fixed kernel. */
    static int fractionBits(double tau, double h) {
        int f = 1;
        while (f < 12 && (double) (1 << f) < 2 * tau / h) f++;
        return f;
    }

    @Override public void addDrive(long step, int from, int to, int[] drive) {
        boolean events = window.contains(step);
        int limit = target.contributionLimit();
        long half = fractionBits == 0 ? 0 : 1L << (fractionBits - 1);
        long clipped = 0;
        for (int k = targets.firstSlot(from), end = targets.firstSlot(to); k < end; k++) {
            long y = state[k];
            if (events) {
                int c = counts.count(step, targets.neuron(k), k);
                if (c > 0) {
                    long kicked = y + (long) c * perEvent[k];
                    y = FixedMath.saturate(kicked, STATE_LIMIT);
                    if (y != kicked) clipped++;
                }
            }
            if (y == 0) continue;
            int neuron = targets.neuron(k);
            long sum = jump[neuron] + ((y + half) >> fractionBits);
            long saturated = FixedMath.saturate(sum, limit);
            if (saturated != sum) clipped++;
            jump[neuron] = (int) saturated;
            state[k] = leak == null ? 0 : (int) y - leak.of((int) y);
        }
        if (clipped > 0) target.countClipped(true, clipped);
    }

    @Override
    public void declareState(StateDeclarer s) {
        targets.declareState(s);
        counts.declareState(s);
        s.array("perEvent", Role.PARAMETER, "LSB_v/2^F", perEvent);
        s.array("state", Role.STATE, "LSB_v/2^F", state);
    }
}
