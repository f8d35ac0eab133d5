package org.spikelane.cli.sweep;

import java.io.Serializable;

/**
 * What one run says about one population: its spike count, its rate (spikes per neuron per
 * second of run), the rate from inter-spike intervals (1 / the mean over neurons with two spikes
 * or more of their mean ISI: no latency to the first spike in it) and the ISI coefficient of
 * variation (the mean over neurons with three spikes or more of each one's CV, as summary.json's
 * {@code isi_cv}). NaN where no neuron qualifies.
 */
public record PopulationStats(long spikes, double rateHz, double isiRateHz, double isiCv) implements Serializable {}
