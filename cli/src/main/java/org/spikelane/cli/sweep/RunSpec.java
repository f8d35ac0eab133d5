package org.spikelane.cli.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One run of a sweep: a grid point, one of its seed replicates, and every value it sets (the
 * {@code --set} options, the point's values, its seed), in the order they apply.
 *
 * @param run the run's place in the sweep: {@code point * replicates + replicate}
 */
public record RunSpec(int run, int point, int replicate, List<Setting> settings) implements Serializable {
    public RunSpec {
        settings = List.copyOf(settings);
    }
}
