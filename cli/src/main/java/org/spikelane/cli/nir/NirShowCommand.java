package org.spikelane.cli.nir;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.io.NirReader;
import org.spikelane.nir.model.NirEdge;
import org.spikelane.nir.model.NirGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spikelane nir show MODEL.nir}: the graph as the executor will run it: nodes in step
 * order with type, sizes and state variables, then the edges, marking those that close a cycle.
 */
@Command(name = "show", description = "Lists a NIR graph's nodes (in step order), types, sizes and edges.")
final class NirShowCommand implements Callable<Integer> {
    // -h only: the version is the top command's (spikelane --version)
    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Parameters(index = "0", paramLabel = "MODEL.nir", description = "the NIR file")
    Path model;

    @Option(names = "--dt", defaultValue = "0.1 ms", description = "step the Delay nodes are checked against (NIR stores none; default ${DEFAULT-VALUE})")
    String dt;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        NirGraph graph = NirReader.read(model);
        CompiledGraph g = CompiledGraph.compile(graph, new RunOptions(NirRunCommand.parseDt(dt), Integration.EULER, ResetMode.VALUE));
        PrintWriter out = spec.commandLine().getOut();
        out.println(model + ": NIR format " + graph.version() + ", " + g.nodeCount() + " nodes, " + g.edges().size() + " edges");
        out.println("nodes, in step order:");
        int width = 4;
        for (int i = 0; i < g.nodeCount(); i++) width = Math.max(width, g.name(i).length());
        for (int node : g.order()) {
            var k = g.kernel(node);
            String shape = g.type(node).equals("Input") ? "-> " + k.outputSize() : k.inputSize() + " -> " + k.outputSize();
            List<String> vars = k.variables();
            out.printf("  %-" + width + "s  %-9s  %-12s%s%s%n", g.name(node), g.type(node), shape,
                    k.spiking() ? "  spikes" : "", vars.isEmpty() ? "" : "  state " + String.join(", ", vars));
        }
        out.println("edges:");
        for (NirEdge e : g.edges()) {
            out.println("  " + e + (g.backEdges().contains(e) ? "   (closes a cycle: carries the previous step)" : ""));
        }
        out.flush();
        return 0;
    }
}
