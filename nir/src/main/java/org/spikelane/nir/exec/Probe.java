package org.spikelane.nir.exec;

import org.spikelane.nir.model.NirException;

/**
 * A recorded variable: {@code NODE:VAR} with VAR one of the node's state variables ({@code v},
 * {@code I}) or {@code out}, the node's output.
 */
public record Probe(int node, int variable, String nodeName, String variableName) {
    public static final int OUTPUT = -1;

    public static Probe parse(CompiledGraph graph, String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) throw new NirException("--record must be NODE:VAR, not '" + text + "'");
        String nodeName = text.substring(0, colon);
        String var = text.substring(colon + 1);
        int node = graph.node(nodeName);
        if (var.equals("out")) return new Probe(node, OUTPUT, nodeName, var);
        int v = graph.kernel(node).variables().indexOf(var);
        if (v < 0) {
            java.util.List<String> names = new java.util.ArrayList<>(graph.kernel(node).variables());
            names.add("out");
            throw new NirException("--record " + text + ": node '" + nodeName + "' (" + graph.type(node) + ") has no variable '" + var
                    + "' (it has: " + String.join(", ", names) + ")");
        }
        return new Probe(node, v, nodeName, var);
    }

    float[] read(GraphRun run) {
        return variable == OUTPUT ? run.output(node) : run.variable(node, variable);
    }
}
