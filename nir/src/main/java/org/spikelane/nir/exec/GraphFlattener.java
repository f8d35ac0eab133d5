package org.spikelane.nir.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.nir.model.NirEdge;
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.model.NirNode;

/**
 * Replaces every nested NIRGraph by its nodes, named {@code outer.inner}, so the executor sees
 * one flat graph. A nested graph's Input and Output nodes become Identity nodes; an edge into
 * the nested graph by its own name goes to its one Input node, an edge out of it leaves from its
 * one Output node, and {@code outer.inner} names a node inside it directly (docs/nir.md).
 */
final class GraphFlattener {
    private final Map<String, NirNode> nodes = new LinkedHashMap<>();
    private final List<NirEdge> edges = new ArrayList<>();

    private GraphFlattener() {}

    static NirGraph flatten(NirGraph top) {
        GraphFlattener f = new GraphFlattener();
        f.expand(top, "", "the top graph");
        return new NirGraph(top.version(), new LinkedHashMap<>(f.nodes), f.edges);
    }

    private void expand(NirGraph g, String prefix, String where) {
        for (NirNode node : g.nodes().values()) {
            String name = prefix + node.name();
            if (node.subgraph() != null) {
                expand(node.subgraph(), name + ".", "graph '" + name + "'");
                continue;
            }
            boolean port = !prefix.isEmpty() && (node.type().equals("Input") || node.type().equals("Output"));
            NirNode renamed = new NirNode(name, port ? "Identity" : node.type(), node.params(), null);
            if (nodes.putIfAbsent(name, renamed) != null) throw new NirException(where + ": two nodes are named '" + name + "' once nested graphs are flattened");
        }
        for (NirEdge e : g.edges()) {
            edges.add(new NirEdge(resolve(g, prefix, e.from(), "Output", e, where), resolve(g, prefix, e.to(), "Input", e, where)));
        }
    }

    /** The flat name an edge end refers to; {@code port} is the node type a nested graph is entered or left by. */
    private static String resolve(NirGraph g, String prefix, String name, String port, NirEdge e, String where) {
        NirNode node = g.nodes().get(name);
        if (node != null) {
            if (node.subgraph() == null) return prefix + name;
            return prefix + name + "." + port(node, port, e, where);
        }
        int dot = name.indexOf('.');
        if (dot > 0 && g.nodes().get(name.substring(0, dot)) instanceof NirNode outer && outer.subgraph() != null) {
            return resolve(outer.subgraph(), prefix + outer.name() + ".", name.substring(dot + 1), port, e, where);
        }
        throw new NirException(where + ": edge " + e + " names node '" + name + "', which the graph does not have"
                + (prefix.isEmpty() ? "" : " (NIR's own reader refuses such a file too)"));
    }

    private static String port(NirNode graphNode, String type, NirEdge e, String where) {
        List<String> ports = graphNode.subgraph().nodes().values().stream().filter(n -> n.type().equals(type)).map(NirNode::name).toList();
        if (ports.size() != 1) {
            throw new NirException(where + ": edge " + e + " enters or leaves nested graph '" + graphNode.name() + "', which has "
                    + ports.size() + " " + type + " nodes; name one as '" + graphNode.name() + ".NODE'");
        }
        NirNode p = graphNode.subgraph().nodes().get(ports.getFirst());
        return p.subgraph() == null ? p.name() : p.name() + "." + port(p, type, e, where);
    }
}
