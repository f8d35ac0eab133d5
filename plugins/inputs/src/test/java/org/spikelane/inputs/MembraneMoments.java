package org.spikelane.inputs;

import org.spikelane.Simulation;
import org.spikelane.record.StateRecorder;

/**
 * Mean and variance of a recorded variable over neurons and samples, with standard errors taken
 * from the spread between neurons (each neuron's samples are autocorrelated, the neurons are
 * independent). The variance is taken about the grand mean, so it is not biased by each neuron's
 * own short-sample mean.
 */
record MembraneMoments(double mean, double meanSe, double variance, double varianceSe) {
    /** @param skip samples dropped at the start (the transient) */
    static MembraneMoments of(Simulation sim, String variable, int neurons, int skip) {
        StateRecorder r = sim.stateRecorders().getFirst();
        double[][] traces = new double[neurons][];
        for (int i = 0; i < neurons; i++) traces[i] = r.trace(variable, i);
        int samples = traces[0].length - skip;
        double[] means = new double[neurons];
        for (int i = 0; i < neurons; i++) {
            double s = 0;
            for (int t = skip; t < traces[i].length; t++) s += traces[i][t];
            means[i] = s / samples;
        }
        double grand = average(means);
        double[] squares = new double[neurons];
        for (int i = 0; i < neurons; i++) {
            double s = 0;
            for (int t = skip; t < traces[i].length; t++) s += (traces[i][t] - grand) * (traces[i][t] - grand);
            squares[i] = s / samples;
        }
        return new MembraneMoments(grand, spread(means) / Math.sqrt(neurons), average(squares), spread(squares) / Math.sqrt(neurons));
    }

    double sd() { return Math.sqrt(variance); }

    private static double average(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double spread(double[] x) {
        double m = average(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / (x.length - 1));
    }
}
