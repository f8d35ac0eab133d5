package org.spikelane.bench;

import org.spikelane.Simulation;

/**
 * A network benchmark's simulation after its start-up transient: checks the example's dt against
 * {@link NetworkBenchmark#DT_MS} (the report tool turns ms/op into a real-time factor with it),
 * runs {@link NetworkBenchmark#SETTLE_STEPS}, then remembers where the measured steps begin, so
 * the teardown can say the network stayed in its regime (mean firing rate over those steps).
 */
final class SettledRun {
    final Simulation sim;
    private final long firstStep;
    private final int firstSpike;

    SettledRun(Simulation sim, String network) {
        if (Math.abs(sim.dt() * 1e3 - NetworkBenchmark.DT_MS) > 1e-9) {
            throw new IllegalStateException("examples/" + network + ".yaml has dt " + sim.dt() * 1e3 + " ms; DT_MS says "
                    + NetworkBenchmark.DT_MS);
        }
        sim.runSteps(NetworkBenchmark.SETTLE_STEPS);
        this.sim = sim;
        this.firstStep = sim.stepCount();
        this.firstSpike = sim.spikes().count();
    }

    /** Simulated seconds run since settling. */
    double secondsMeasured() { return (sim.stepCount() - firstStep) * sim.dt(); }

    /** Mean firing rate (Hz) of the {@code n} neurons over the steps since settling. */
    double meanRate(int n) {
        double seconds = secondsMeasured();
        return seconds == 0 ? 0 : (sim.spikes().count() - firstSpike) / (n * seconds);
    }
}
