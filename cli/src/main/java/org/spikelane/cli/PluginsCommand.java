package org.spikelane.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spikelane.cli.plugins.PluginLoader;
import org.spikelane.neuron.LifModel;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Plugin;
import org.spikelane.spi.SynapseContext;
import org.spikelane.units.Dimension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spikelane plugins}: every discovered plugin with its parameters, from the same
 * {@link ParamSpec} declarations that validation uses, and where each plugin was loaded from.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, description = "Lists input and synapse plugins: parameters, units, defaults, and where each came from.")
final class PluginsCommand implements Callable<Integer> {
    @Option(names = "--markdown", description = "print Markdown tables (used for docs/scenario.md)")
    boolean markdown;

    @picocli.CommandLine.Mixin
    PluginOptions pluginPath;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginLoader.Loaded loaded = pluginPath.load();
        section(out, "Neuron models", List.of(new LifEntry(), new PoissonEntry()), loaded);
        section(out, "Input plugins (inputs[].type)", loaded.registry().inputs(), loaded);
        section(out, "Synapse plugins (projections[].synapse)", loaded.registry().synapses(), loaded);
        out.flush();
        return 0;
    }

    private void section(PrintWriter out, String title, List<? extends Plugin> plugins, PluginLoader.Loaded loaded) {
        out.println(markdown ? "### " + title + "\n" : title);
        if (plugins.isEmpty()) out.println(markdown ? "(none found)\n" : "  (none found)");
        for (Plugin p : plugins) {
            String origin = p instanceof LifEntry || p instanceof PoissonEntry ? "engine" : loaded.origin(p);
            if (markdown) {
                out.printf("#### `%s`: %s%n%n", p.name(), p.description());
                out.println("| key | unit | default | allowed | meaning |");
                out.println("|---|---|---|---|---|");
                for (ParamSpec s : p.params()) {
                    out.printf("| `%s` | %s | %s | %s | %s |%n", s.name(), cell(unit(s)), cell(s.defaultText()), cell(allowed(s)), cell(s.doc()));
                }
                out.println();
            } else {
                out.printf("  %s: %s  [%s; %s]%n", p.name(), p.description(), origin, precisions(p));
                for (ParamSpec s : p.params()) {
                    out.printf("      %-13s %-17s default %-11s %-18s %s%n", s.name(), unit(s), s.defaultText(), allowed(s), s.doc());
                }
            }
        }
        out.println();
    }

    /**
     * The precisions a plugin runs under: float32 always; fixed when it overrides
     * {@code createFixed} (the default stops a fixed-point run with an error naming the plugin).
     */
    static String precisions(Plugin p) {
        if (p instanceof LifEntry || p instanceof PoissonEntry) return "float32, fixed, loihi";
        try {
            Class<?> declaring = p instanceof InputPlugin
                    ? p.getClass().getMethod("createFixed", InputContext.class, Params.class, FixedTarget.class).getDeclaringClass()
                    : p.getClass().getMethod("createFixed", SynapseContext.class, Params.class, FixedTarget.class).getDeclaringClass();
            return declaring.isInterface() ? "float32 only" : "float32, fixed";
        } catch (NoSuchMethodException e) {
            return "float32 only";
        }
    }

    /** A Markdown table cell: a bare '|' (as in "exponential | inverse") would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String unit(ParamSpec s) {
        return switch (s.kind()) {
            case CHOICE -> "word";
            case STRUCTURE -> "mapping";
            case INTEGER -> "integer";
            case PER_NEURON -> s.dimension() == Dimension.DIMENSIONLESS ? "number/neuron" : s.dimension().siUnit() + " (per neuron)";
            case QUANTITY -> s.dimension() == Dimension.DIMENSIONLESS ? "number" : s.dimension().siUnit();
        };
    }

    private static String allowed(ParamSpec s) {
        return switch (s.kind()) {
            case CHOICE -> String.join(" | ", s.choices());
            case STRUCTURE -> "see doc";
            default -> s.range().describe(s.dimension());
        };
    }

    /** The built-in LIF model shown like a plugin, so its parameters are listed in the same form. */
    private static final class LifEntry implements Plugin {
        @Override public String name() { return "lif"; }

        @Override public String description() { return "leaky integrate-and-fire, tau_m dv/dt = E_L - v + R I (populations[].params)"; }

        @Override public List<ParamSpec> params() { return LifModel.PARAMS; }
    }

    /** The built-in Poisson population, listed like the LIF model. */
    private static final class PoissonEntry implements Plugin {
        @Override public String name() { return "poisson"; }

        @Override public String description() {
            return "independent Poisson spike trains, a spike with probability rate * dt per step (populations[].params)";
        }

        @Override public List<ParamSpec> params() { return org.spikelane.neuron.PoissonPopulation.PARAMS; }
    }
}
