package org.spikelane.cli.scenario;

import java.util.List;
import java.util.Map;
import org.spikelane.spi.Suggest;

/**
 * The keys a scenario section may hold (plugin parameters are declared by the plugins themselves
 * and checked against their {@link org.spikelane.spi.ParamSpec}s). docs/scenario.md follows this.
 */
public final class Schema {
    private Schema() {}

    public static final List<String> TOP = List.of("name", "dt", "duration", "seed", "precision", "threads",
            "scale", "populations", "inputs", "projections", "record");
    public static final List<String> POPULATION = List.of("name", "size", "model", "params", "spikes", "groups", "full_scale_rate");
    public static final List<String> GENERATOR_SPIKES = List.of("times", "neurons", "period");
    /** Keys every input has; the rest are the plugin's parameters. */
    public static final List<String> INPUT = List.of("type", "target", "neurons");
    public static final List<String> PROJECTION = List.of("from", "to", "synapse", "params", "weight", "delay", "connect");
    public static final List<String> RECORD = List.of("spikes", "state", "rate_smoothing");
    public static final List<String> STATE = List.of("population", "variables", "neurons", "every");
    public static final List<String> MODELS = List.of("lif", "spike_generator", "poisson");
    /** Keys inside a plugin's structure (the pulse input's {@code events}) whose bare numbers are counts, not quantities. */
    public static final List<String> COUNT_KEYS = List.of("count", "neurons");
    public static final List<String> PRECISIONS = List.of("float32", "fixed", "loihi");

    /** Rejects any key of {@code map} (at {@code path}) that is not in {@code allowed}. */
    public static void checkKeys(Map<String, Object> map, List<String> allowed, String path, SourceMap sources) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw sources.error(SourceMap.child(path, key), "unknown key '" + key + "'"
                        + Suggest.didYouMean(key, allowed) + "; allowed here: " + String.join(", ", allowed));
            }
        }
    }
}
