package org.spikelane.cli.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One run of a sweep: a grid point, one of its seed replicates, and every value it sets (the
 * {@code --set} options, the point's values, its seed), in the order they apply.
 *
 * @param run the run's place in the sweep: {@code point * replicates + replicate}
 * @param sineInput in a sweep over a sine input's frequency, the input's index (the run fits the
 *     response of a neuron it drives, {@link SineResponse}); else -1
 */
public record RunSpec(int run, int point, int replicate, List<Setting> settings, int sineInput) implements Serializable {
    public RunSpec {
        settings = List.copyOf(settings);
    }

    /** A run that fits no sine response. */
    public RunSpec(int run, int point, int replicate, List<Setting> settings) {
        this(run, point, replicate, settings, -1);
    }
}
