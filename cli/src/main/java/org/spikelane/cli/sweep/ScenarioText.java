package org.spikelane.cli.sweep;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.cli.scenario.TreeReader;

/**
 * A scenario file's text with its name, read once where the sweep starts: a run builds its
 * scenario from this, not from the file, so a JVM that cannot see the file (a cluster's executor)
 * builds the same one, and errors name the file as a local run's would.
 */
public record ScenarioText(String name, String text, boolean json, String defaultName) implements Serializable {
    public static ScenarioText read(Path file) {
        String name = file.toString();
        return new ScenarioText(name, TreeReader.text(file), name.toLowerCase(java.util.Locale.ROOT).endsWith(".json"),
                Scenario.defaultName(file));
    }

    /** The scenario with {@code settings} applied in order. */
    public Scenario scenario(List<Setting> settings) {
        return Scenario.withOverrides(TreeReader.parse(name, text, json), defaultName,
                settings.stream().map(Setting::override).toList());
    }
}
