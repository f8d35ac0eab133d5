package org.spikelane.spark;

import java.io.Serializable;
import org.spikelane.cli.sweep.RunStats;

/**
 * What one task sends back to the driver: the run's statistics and, with {@code --spark-spikes},
 * the name of the spike file this attempt wrote (relative to spikes.parquet), which the driver
 * commits; null without spikes.
 */
record RunResult(RunStats stats, String spikeFile) implements Serializable {}
