package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.spikelane.cli.scenario.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsAndValidateTest {
    @TempDir
    Path tmp;

    /** The listing comes from the plugins' own declarations, with units, defaults and origin. */
    @Test
    void pluginsListsEveryInputWithParametersAndOrigin() {
        String out = Cli.ok("plugins").out();
        for (String name : new String[] {"bias", "step", "sine", "ramp", "pulse"}) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("  " + name + ": ")), name + " in\n" + out);
        }
        assertTrue(out.contains("spikelane-inputs") || out.contains("plugins/inputs"), "origin of the input plugins:\n" + out);
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("frequency") && l.contains("Hz")), out);
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("tau_m") && l.contains("default 8 ms")), out);
        // every standard plugin has a fixed-point kernel; the list says so per plugin
        for (String name : new String[] {"bias", "pulse", "exp_current", "biexp_conductance"}) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("  " + name + ": ") && l.endsWith("; float32, fixed]")), name + " in\n" + out);
        }
        String md = Cli.ok("plugins", "--markdown").out();
        assertTrue(md.contains("#### `sine`") && md.contains("| `frequency` |"), md);
    }

    /** docs/scenario.md documents every scenario key and every parameter of every discovered plugin. */
    @Test
    void scenarioDocNamesEveryKey() throws IOException {
        String doc = Files.readString(Cli.EXAMPLES.resolveSibling("docs").resolve("scenario.md"));
        var keys = new java.util.ArrayList<String>();
        for (var list : List.of(Schema.TOP, Schema.POPULATION, Schema.GENERATOR_SPIKES, Schema.INPUT, Schema.PROJECTION,
                Schema.RECORD, Schema.STATE, Schema.MODELS, Schema.PRECISIONS)) {
            keys.addAll(list);
        }
        var registry = org.spikelane.spi.PluginRegistry.discover();
        for (var plugin : registry.inputs()) {
            keys.add(plugin.name());
            plugin.params().forEach(p -> keys.add(p.name()));
        }
        for (var plugin : registry.synapses()) {
            keys.add(plugin.name());
            plugin.params().forEach(p -> keys.add(p.name()));
        }
        org.spikelane.neuron.LifModel.PARAMS.forEach(p -> keys.add(p.name()));
        for (String key : keys) assertTrue(doc.contains("`" + key + "`") || doc.contains("`" + key + ":") || doc.contains("." + key + "`"),
                "docs/scenario.md does not mention `" + key + "` (regenerate its reference with ./spikelane plugins --markdown)");
    }

    @Test
    void everyExampleValidates() throws IOException {
        try (Stream<Path> files = Files.list(Cli.EXAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                List<String> args = new java.util.ArrayList<>(List.of("validate", f.toString()));
                for (String set : ExamplesTest.testSized(f.getFileName().toString())) args.addAll(List.of("--set", set));
                Cli.Outcome o = Cli.run(args.toArray(String[]::new));
                assertEquals(0, o.exitCode(), f + ": " + o.err());
                assertTrue(o.out().startsWith("ok: "), o.out());
            }
        }
    }

    @Test
    void setOverridesAValueForTheRun() {
        Path out = tmp.resolve("o");
        // below rheobase: the issue scenario's step neurons go silent
        Cli.ok("run", Cli.example("step-and-sine.yaml").toString(), "--out", out.toString(), "-q",
                "--set", "inputs.0.amplitude=1.9 nA", "--set", "duration=120 ms");
        assertEquals(0, Cli.rows(out.resolve("spikes.csv")).size());
        assertEquals(1200, Cli.trace(out, "lif", 0, "v")[0].length);
    }

    @Test
    void helpAndUsage() {
        Cli.Outcome help = Cli.run("run", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--set=PATH=VALUE") && help.out().contains("SCENARIO"), help.out());
        Cli.Outcome none = Cli.run();
        assertEquals(Main.BAD_INPUT, none.exitCode());
        assertTrue(none.err().contains("sweep") && none.err().contains("validate"), none.err());
        assertEquals(Main.BAD_INPUT, Cli.run("run").exitCode(), "missing SCENARIO is a usage error");
    }

    /** The bar stays silent for runs shorter than a second and when disabled (not a terminal, --quiet). */
    @Test
    void progressBarIsSilentForShortOrDisabledRuns() {
        StringWriter text = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(text), "x", true)) {
            for (int i = 1; i <= 200; i++) bar.onProgress(i, 200);
        }
        assertEquals("", text.toString());
        try (ProgressBar bar = new ProgressBar(new PrintWriter(text), "x", false)) {
            bar.onProgress(1, 2);
        }
        assertEquals("", text.toString());
    }

    /** validate --schedule --state: the step order and every registered array of CUBA, with checkpoint size. */
    @Test
    void validatePrintsTheScheduleAndTheStateRegistry() {
        String out = Cli.ok("validate", Cli.example("cuba.yaml").toString(), "--schedule", "--state").out();
        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("SYNAPSE_UPDATE: projection 'P -> P' #2 (update synapses)"), out);
        assertTrue(lines.indexOf("NEURON_UPDATE: population 'P'") < lines.indexOf("DELIVERY: projection 'P -> P' #1 (deliver spikes)"), out);
        assertTrue(lines.stream().anyMatch(l -> l.matches("population 'P' +v +float +state +V +4000")), out);
        // exp_current's state is a fused current of the population (one per tau_syn: CUBA's 5 and 10 ms)
        assertTrue(lines.stream().anyMatch(l -> l.matches("population 'P' +fused\\.1\\.I_syn +float +state +\\S+ +4000")), out);
        assertTrue(lines.contains("population 'P' records: v, I, I_syn@P, I_syn@P#2, I_syn"), out);
        assertTrue(lines.contains("population 'P' can set: E_L, v_reset, v_threshold, tau_m, R, C, refractory, v"), out);
        assertTrue(lines.getLast().matches("\\d+ entries; \\d+\\.\\d\\d MiB in state, parameters and accumulators .*"), lines.getLast());
    }
}
