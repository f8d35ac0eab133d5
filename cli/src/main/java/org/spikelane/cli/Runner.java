package org.spikelane.cli;

import java.util.Map;
import org.spikelane.ProgressListener;
import org.spikelane.Simulation;
import org.spikelane.SpikeListener;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.record.StateRecorder;
import org.spikelane.spi.PluginRegistry;

/** Builds and runs one scenario: the part of {@code run} and {@code sweep} that is not output. */
public final class Runner {
    private Runner() {}

    /** A finished run: the simulation (with its recorders), spike counts of every population, wall time. */
    public record Result(Scenario scenario, Simulation simulation, Map<String, Long> spikeCounts, double wallSeconds,
                         long firstStep) {
        /** The step the simulation stands at: the scenario's last step + 1. */
        public long steps() { return simulation.stepCount(); }

        /** Steps this run did: all of them, or those after the checkpoint it resumed from. */
        public long stepsRun() { return simulation.stepCount() - firstStep; }

        public long totalSpikes() { return spikeCounts.values().stream().mapToLong(Long::longValue).sum(); }

        public double stepsPerSecond() { return wallSeconds > 0 ? stepsRun() / wallSeconds : Double.POSITIVE_INFINITY; }
    }

    public static Result run(Scenario scenario, PluginRegistry registry, ProgressListener progress) {
        return run(scenario, registry, progress, CheckpointPlan.NONE);
    }

    /** Runs the scenario, resuming from and writing checkpoints as {@code plan} says. */
    public static Result run(Scenario scenario, PluginRegistry registry, ProgressListener progress, CheckpointPlan plan) {
        return run(scenario, registry, progress, plan, sim -> { });
    }

    /** Runs the scenario; {@code beforeFirstStep} sees the built simulation first (a sweep attaches its spike tally). */
    public static Result run(Scenario scenario, PluginRegistry registry, ProgressListener progress, CheckpointPlan plan,
                             java.util.function.Consumer<Simulation> beforeFirstStep) {
        // compiles the step code on a small copy while this thread builds the real network
        KernelWarmup warmup = KernelWarmup.start(scenario, registry);
        Simulation sim;
        try {
            sim = NetworkBuilder.simulation(scenario, registry);
        } catch (RuntimeException | Error e) {
            warmup.abandon();
            throw e;
        }
        warmup.awaitWarm(); // the loop starts with compiled kernels (KernelWarmup says how long it may wait)
        if (plan.resume() != null) {
            sim.restore(plan.resume());
            if (sim.stepCount() > scenario.steps()) {
                throw new IllegalArgumentException("--resume: the checkpoint is at step " + sim.stepCount()
                        + ", beyond the scenario's " + scenario.steps() + " steps (duration); nothing to run");
            }
        }
        long first = sim.stepCount();
        if (plan.writes() && plan.checkpointStep() < first) {
            throw new IllegalArgumentException("--checkpoint-at: step " + plan.checkpointStep() + " lies before step " + first
                    + ", where the resumed checkpoint stands");
        }
        // the whole recording now, before the first step: one that cannot be held fails here, not at the end
        for (StateRecorder r : sim.stateRecorders()) r.reserve(r.samplesBetween(first, scenario.steps()));
        PopulationSpikeCounts counts = new PopulationSpikeCounts(sim); // every population, recorded or not, for the summary

        beforeFirstStep.accept(sim);
        long total = scenario.steps() - first;
        progress.onProgress(0, total); // the loop starts now: lets a listener time it from its first step
        long start = System.nanoTime();
        if (plan.writes()) {
            long before = plan.checkpointStep() - first;
            // progress over the whole run, across the pause for the checkpoint
            sim.runSteps(before, (done, all) -> progress.onProgress(done, total));
            sim.checkpoint(plan.checkpoint());
            sim.runSteps(total - before, (done, all) -> progress.onProgress(before + done, total));
        } else {
            sim.runSteps(total, progress);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new Result(scenario, sim, counts.byPopulation(), wall, first);
    }
}
