package org.spikelane.cli.sweep;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.Simulation;
import org.spikelane.cli.plot.RcLowPass;
import org.spikelane.cli.plot.SineFit;
import org.spikelane.cli.plot.SineWindow;
import org.spikelane.cli.scenario.InputLabels;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.record.StateRecorder;
import org.spikelane.units.Dimension;

/**
 * How one neuron below threshold answers a sine current, from one run of a sweep over the sine's
 * frequency: the amplitudes of v and I fitted at the drive's frequency over the last whole cycles
 * after the transient ({@link SineWindow}), the lag of v behind I, and the neuron's R, tau_m and
 * dt for the RC low-pass it should follow. SI units; NaN fields where nothing could be fitted.
 *
 * @param neuron the neuron fitted (the first recorded one the sine drives alone, that never fired)
 */
public record SineResponse(double frequency, String population, int neuron, double vAmplitude, double iAmplitude,
                           double lagDegrees, double r, double tauM, double dt) implements Serializable {

    /** v amplitude over I amplitude, in ohm (V/A; Mohm = mV/nA). */
    public double gain() { return vAmplitude / iAmplitude; }

    public boolean fitted() { return !Double.isNaN(vAmplitude); }

    /** The membrane's response as the engine integrates it. */
    public RcLowPass model() { return new RcLowPass(r, tauM, dt); }

    /**
     * The response to input {@code input} of {@code scenario} run as {@code sim}: fitted on the
     * first neuron recorded with v and I that this sine drives (and no other sine) and that never
     * fired (tally counts); NaN amplitudes and lag when there is none or no whole cycle fits after
     * the transient.
     */
    static SineResponse of(Scenario scenario, Simulation sim, int input, SpikeTally tally) {
        Map<String, Integer> sizes = new HashMap<>();
        sim.populations().forEach(p -> sizes.put(p.name(), p.size()));
        InputLabels labels = new InputLabels(scenario, sizes);
        Double frequency = null;
        for (StateRecorder rec : sim.stateRecorders()) {
            if (!has(rec, "v") || !has(rec, "I") || !(sim.population(rec.population()) instanceof LifPopulation lif)
                    || lif.variable("v").dimension() != Dimension.VOLTAGE) continue;
            for (int n : rec.neurons()) {
                InputLabels.Sine sine = labels.sine(rec.population(), n);
                if (sine == null || sine.input() != input) continue;
                frequency = sine.frequency();
                if (tally.spikes(rec.population(), n) > 0) continue;
                double tau = lif.parameters().tauM(n);
                int[] w = SineWindow.of(rec, tau, sine, sim.dt(), 0, sim.stepCount());
                if (w == null) continue;
                double[] time = new double[rec.samples()];
                for (int s = 0; s < time.length; s++) time[s] = rec.time(s);
                SineFit v = SineFit.of(time, rec.trace("v", n), w[0], w[1], sine.frequency());
                SineFit i = SineFit.of(time, rec.trace("I", n), w[0], w[1], sine.frequency());
                return new SineResponse(sine.frequency(), rec.population(), n, v.amplitude(), i.amplitude(), i.lagDegrees(v),
                        lif.parameters().resistance(n), tau, sim.dt());
            }
        }
        return new SineResponse(frequency == null ? Double.NaN : frequency, "", -1, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, sim.dt());
    }

    /** The mean of each fitted quantity over the replicates of one point (those fitted); the first replicate's neuron and model. */
    static SineResponse mean(List<SineResponse> replicates) {
        SineResponse first = replicates.get(0);
        List<SineResponse> fitted = replicates.stream().filter(SineResponse::fitted).toList();
        if (fitted.isEmpty()) return first;
        SineResponse f = fitted.get(0);
        return new SineResponse(f.frequency, f.population, f.neuron, fitted.stream().mapToDouble(SineResponse::vAmplitude).average().orElseThrow(),
                fitted.stream().mapToDouble(SineResponse::iAmplitude).average().orElseThrow(),
                fitted.stream().mapToDouble(SineResponse::lagDegrees).average().orElseThrow(), f.r, f.tauM, f.dt);
    }

    private static boolean has(StateRecorder r, String variable) {
        return r.variables().stream().anyMatch(v -> v.name().equals(variable));
    }
}
