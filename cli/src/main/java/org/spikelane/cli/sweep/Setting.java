package org.spikelane.cli.sweep;

import java.io.Serializable;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.cli.scenario.TreeReader;

/**
 * One value a run of a sweep sets in the scenario, as text (read as YAML, like {@code --set}), so
 * that a run is a few strings that any JVM, local or on a cluster, turns into the same scenario.
 *
 * @param option how the user wrote it, for errors ({@code --vary inputs.0.amplitude=0..10 nA:41})
 */
public record Setting(String option, String path, String value) implements Serializable {
    public Scenario.Override override() {
        return new Scenario.Override(option, path, TreeReader.parseValue(option, value));
    }

    /** A {@code --set PATH=VALUE} option. */
    public static Setting ofSet(String text) {
        String option = "--set " + text;
        String[] kv = org.spikelane.cli.scenario.Overrides.split(option, text);
        TreeReader.parseValue(option, kv[1]); // a value YAML cannot read is refused here, before any run
        return new Setting(option, kv[0], kv[1]);
    }
}
