package org.spikelane.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spikelane.Simulation;
import org.spikelane.cli.output.Counted;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.spi.PluginRegistry;
import org.spikelane.state.Role;
import org.spikelane.state.StateRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spikelane validate}: every check a run does (including its warnings and the memory
 * estimate), then builds the network without running it.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, description = "Checks a scenario (keys, units, ranges, plugins, populations) without running it.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (.yaml, .yml or .json)")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a value, e.g. --set inputs.0.amplitude=\"3 nA\"")
    List<String> sets = new ArrayList<>();

    @Option(names = "--strict", description = "treat warnings (parameters that rarely mean what was meant) as errors")
    boolean strict;

    @Option(names = "--schedule", description = "print the order in which the step runs everything (phase by phase)")
    boolean schedule;

    @Option(names = "--state", description = "print every array and scalar of the built simulation: owner, name, type, role, unit, length")
    boolean state;

    @picocli.CommandLine.Mixin
    PluginOptions pluginPath;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = Scenario.load(file, sets);
        PluginRegistry plugins = pluginPath.load().registry();
        // the checks a run makes before it builds the network: physics warnings, memory
        Preflight.check(s, plugins, strict, spec.commandLine().getErr(), new java.util.HashSet<>());
        Simulation sim = NetworkBuilder.simulation(s, plugins);
        int neurons = sim.populations().stream().mapToInt(p -> p.size()).sum();
        spec.commandLine().getOut().printf("ok: %s: scenario '%s', %s with %s, %s of %s (%s)%n",
                file, s.name(), Counted.of(sim.populations().size(), "population"), Counted.of(neurons, "neuron"),
                Counted.of(s.steps(), "step"),
                ms(s.dt()), ms(s.duration()));
        var out = spec.commandLine().getOut();
        if (schedule) out.print(sim.schedule());
        if (state) {
            StateRegistry r = sim.stateRegistry();
            out.printf("%-50s %-24s %-7s %-11s %-10s %s%n", "owner", "name", "type", "role", "unit", "length");
            out.print(r.describe());
            long saved = 0;
            for (Role role : Role.values()) if (role.checkpointed()) saved += r.bytes(role);
            out.printf("%d entries; %s in state, parameters and accumulators (what a checkpoint holds), %s scratch, %s recordings so far%n",
                    r.entries().size(), mib(saved), mib(r.bytes(Role.SCRATCH)), mib(r.bytes(Role.RECORDING)));
        }
        return 0;
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.2f MiB", bytes / 1048576.0);
    }

    /** "0.1 ms" rather than Units.format's "100 us": scenarios are written in ms. */
    private static String ms(double seconds) {
        return new java.math.BigDecimal(Double.toString(seconds * 1e3)).round(new java.math.MathContext(9))
                .stripTrailingZeros().toPlainString() + " ms";
    }
}
