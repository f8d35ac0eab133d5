package org.spikelane.bench.report;

import java.util.Locale;

/**
 * The kind of benchmark a result belongs to, from its class and method name, and the figure its
 * table shows. Names are matched loosely (case-insensitive substrings) so new benchmark classes
 * land in the right table without changes here; anything unmatched goes to the generic table.
 */
public enum Category {
    LIF_STEP("LIF step", "ns per neuron-step", Measure.PER_NEURON_STEP),
    INPUTS("Input plugins", "ns per neuron-step", Measure.PER_NEURON_STEP),
    SYNAPSES("Synapse plugins (decay)", "ns per neuron-step", Measure.PER_NEURON_STEP),
    DELIVERY("Spike delivery", "synaptic events per second", Measure.EVENTS_PER_SECOND),
    NETWORKS("Whole networks", "real-time factor (simulated s per wall s)", Measure.REAL_TIME_FACTOR),
    GENERIC("Other benchmarks", "JMH score", Measure.RAW);

    /** How a category turns a JMH score into its figure. */
    public enum Measure { PER_NEURON_STEP, EVENTS_PER_SECOND, REAL_TIME_FACTOR, RAW }

    public final String title;
    public final String figure;
    public final Measure measure;

    Category(String title, String figure, Measure measure) {
        this.title = title;
        this.figure = figure;
        this.measure = measure;
    }

    /** The category of {@code r}; per-neuron categories need an integer parameter {@code n}. */
    public static Category of(JmhResult r) {
        String name = (r.className() + "." + r.method()).toLowerCase(Locale.ROOT);
        Category c;
        if (name.contains("lifstep") || name.contains("lif_step")) c = LIF_STEP;
        else if (name.contains("deliver")) c = DELIVERY;
        else if (name.contains("input")) c = INPUTS;
        else if (name.contains("synap")) c = SYNAPSES;
        else if (name.contains("network") || name.contains("cuba") || name.contains("coba")) c = NETWORKS;
        else c = GENERIC;
        if (c.measure == Measure.PER_NEURON_STEP && r.n() <= 0) return GENERIC;
        return c;
    }
}
