package org.spikelane.cli.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.spikelane.spi.Suggest;
import org.spikelane.units.Dimension;

/**
 * A scenario file after parsing, command-line overrides and the checks of its top-level keys.
 * The sections (populations, inputs, ...) stay as a tree; {@link NetworkBuilder} turns them into
 * a {@link org.spikelane.Network}.
 */
public record Scenario(String name, double dt, double duration, long seed, String precision, int threads,
                       Map<String, Object> root, Tree tree) {

    public static final double DEFAULT_DT = 0.1e-3;

    /** A value replaced from the command line; {@code option} is how the user wrote it, for errors. */
    public record Override(String option, String path, Object value) {
        /** Parses {@code --set path=value} (the value is read as YAML: "2 nA", "[0, 1]", "3"). */
        public static Override ofSet(String text) {
            String option = "--set " + text;
            String[] kv = Overrides.split(option, text);
            return new Override(option, kv[0], TreeReader.parseValue(option, kv[1]));
        }
    }

    /** Reads {@code file} and applies {@code --set path=value} overrides in order. */
    public static Scenario load(Path file, List<String> sets) {
        return loadWith(file, sets.stream().map(Override::ofSet).toList());
    }

    public static Scenario loadWith(Path file, List<Override> overrides) {
        return withOverrides(TreeReader.read(file), defaultName(file), overrides);
    }

    /** A parsed tree with {@code overrides} applied in order, then checked. */
    public static Scenario withOverrides(TreeReader.Parsed parsed, String defaultName, List<Override> overrides) {
        for (Override o : overrides) {
            String canonical = Overrides.set(parsed.root(), o.path(), o.value(), o.option());
            parsed.sources().override(canonical, o.option());
        }
        return of(parsed, defaultName);
    }

    /** The name a scenario without {@code name:} gets: its file name without the extension. */
    public static String defaultName(Path file) {
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** Checks the top-level keys of a parsed tree. */
    public static Scenario of(TreeReader.Parsed parsed, String defaultName) {
        Map<String, Object> root = parsed.root();
        SourceMap sources = parsed.sources();
        Tree tree = new Tree(sources);
        Schema.checkKeys(root, Schema.TOP, "", sources);
        Scaling.apply(root, tree); // sizes, synapse counts, weights and inputs of a scaled model, before anything reads them

        String name = root.containsKey("name") ? tree.text(root.get("name"), "name") : defaultName;
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw sources.error("name", "'" + name + "' must be letters, digits, '.', '_' or '-' (it names the output folder)");
        }
        double dt = root.containsKey("dt") ? tree.quantity(root.get("dt"), Dimension.TIME, "dt") : DEFAULT_DT;
        if (!(dt > 0) || Double.isInfinite(dt)) throw sources.error("dt", "must be > 0 s and finite, got " + Tree.describe(root.get("dt")));
        if (!root.containsKey("duration")) throw sources.error("duration", "is required (a time such as '200 ms')");
        double duration = tree.quantity(root.get("duration"), Dimension.TIME, "duration");
        if (!(duration > 0) || Double.isInfinite(duration)) {
            throw sources.error("duration", "must be > 0 s and finite, got " + Tree.describe(root.get("duration")));
        }
        if (Math.rint(duration / dt) > StepLimit.MAX_STEPS) {
            // the field to blame: a duration that would fit at the default dt was made too long by dt
            String blamed = root.containsKey("dt") && Math.rint(duration / DEFAULT_DT) <= StepLimit.MAX_STEPS ? "dt" : "duration";
            throw sources.error(blamed, "the run of " + StepLimit.tooMany(duration, dt));
        }
        if (Math.round(duration / dt) < 1) throw sources.error("duration", "is shorter than one step of dt");
        long seed = root.containsKey("seed") ? tree.integer(root.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE,
                " (a seed is a 64-bit whole number)") : 1;
        String precision = root.containsKey("precision") ? tree.text(root.get("precision"), "precision") : "float32";
        if (!Schema.PRECISIONS.contains(precision)) {
            throw sources.error("precision", "unknown precision '" + precision + "'" + Suggest.didYouMean(precision, Schema.PRECISIONS)
                    + "; known: " + String.join(", ", Schema.PRECISIONS));
        }
        if (!(root.get("populations") instanceof List<?> pops) || pops.isEmpty()) {
            throw sources.error("populations", "at least one population is required");
        }
        // 0: the engine's default (the available processors, fewer for a small network)
        int threads = root.containsKey("threads") ? (int) tree.integer(root.get("threads"), "threads", 1,
                org.spikelane.Network.MAX_THREADS, " (worker threads, the calling thread included)") : 0;
        return new Scenario(name, dt, duration, seed, precision, threads, root, tree);
    }

    public SourceMap sources() { return tree.sources(); }

    /** Number of steps of the whole run: round(duration / dt). */
    public long steps() { return Math.round(duration / dt); }
}
