package org.spikelane.nir.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.nir.kernel.NodeKernel;
import org.spikelane.nir.kernel.NodeKernels;
import org.spikelane.nir.model.NirEdge;
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.model.NirNode;

/**
 * A NIR graph ready to run: flat (nested graphs expanded), its nodes in the order one step
 * evaluates them, each with its kernel and the nodes whose outputs it sums. Immutable: any
 * number of {@link GraphRun}s on any threads share one.
 *
 * <p>The step order (docs/nir.md, "One step"): a depth-first walk from the Input node, following
 * edges in file order, then from any node not reached, in file order; the nodes in reverse
 * post-order. An edge to a node still on the walk's stack closes a cycle (a back edge); it is the
 * only kind of edge whose source comes later in the order, so its target reads the source's
 * output of the previous step, and every other edge carries an output of the same step.
 */
public final class CompiledGraph {
    private final String[] names;
    private final String[] types;
    private final NodeKernel[] kernels;
    private final int[][] sources;
    private final int[] order;
    private final int input;
    private final int[] outputs;
    private final List<NirEdge> edges;
    private final List<NirEdge> backEdges;
    private final RunOptions options;

    private CompiledGraph(String[] names, String[] types, NodeKernel[] kernels, int[][] sources, int[] order, int input,
            int[] outputs, List<NirEdge> edges, List<NirEdge> backEdges, RunOptions options) {
        this.names = names;
        this.types = types;
        this.kernels = kernels;
        this.sources = sources;
        this.order = order;
        this.input = input;
        this.outputs = outputs;
        this.edges = edges;
        this.backEdges = backEdges;
        this.options = options;
    }

    public static CompiledGraph compile(NirGraph graph, RunOptions options) {
        NirGraph flat = GraphFlattener.flatten(graph);
        List<NirNode> nodes = new ArrayList<>(flat.nodes().values());
        int n = nodes.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) index.put(nodes.get(i).name(), i);
        List<List<Integer>> out = new ArrayList<>();
        List<List<Integer>> in = new ArrayList<>();
        for (int i = 0; i < n; i++) { out.add(new ArrayList<>()); in.add(new ArrayList<>()); }
        for (NirEdge e : flat.edges()) {
            int a = index.get(e.from());
            int b = index.get(e.to());
            out.get(a).add(b);
            in.get(b).add(a);
        }
        List<Integer> inputs = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (nodes.get(i).type().equals("Input")) inputs.add(i);
            if (nodes.get(i).type().equals("Output")) outputs.add(i);
        }
        if (inputs.size() != 1) throw new NirException("the graph has " + inputs.size() + " Input nodes; the NIR import runs graphs with exactly one");
        if (outputs.isEmpty()) throw new NirException("the graph has no Output node");
        for (int i = 0; i < n; i++) {
            if (i != inputs.getFirst() && in.get(i).isEmpty()) {
                throw new NirException("node '" + nodes.get(i).name() + "' (" + nodes.get(i).type() + ") has no incoming edge");
            }
        }

        // depth-first walk: post-order and the back edges
        int[] mark = new int[n]; // 0 unseen, 1 on the stack, 2 done
        List<Integer> post = new ArrayList<>();
        List<NirEdge> back = new ArrayList<>();
        walk(inputs.getFirst(), out, mark, post, back, nodes);
        for (int i = 0; i < n; i++) if (mark[i] == 0) walk(i, out, mark, post, back, nodes);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) order[k] = post.get(n - 1 - k);

        // kernels in step order: a node's input size is what its forward edges deliver
        NodeKernel[] kernels = new NodeKernel[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int size = -1;
            for (int s : in.get(i)) if (kernels[s] != null) { size = kernels[s].outputSize(); break; }
            kernels[i] = NodeKernels.create(nodes.get(i), size, options);
        }
        for (NirEdge e : flat.edges()) {
            NodeKernel a = kernels[index.get(e.from())];
            NodeKernel b = kernels[index.get(e.to())];
            if (a.outputSize() != b.inputSize()) {
                throw new NirException("edge " + e + ": '" + e.from() + "' gives " + a.outputSize() + " values, '" + e.to() + "' takes " + b.inputSize());
            }
        }
        String[] names = new String[n];
        String[] types = new String[n];
        int[][] sources = new int[n][];
        for (int i = 0; i < n; i++) {
            names[i] = nodes.get(i).name();
            types[i] = nodes.get(i).type();
            sources[i] = in.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new CompiledGraph(names, types, kernels, sources, order, inputs.getFirst(),
                outputs.stream().mapToInt(Integer::intValue).toArray(), flat.edges(), List.copyOf(back), options);
    }

    private static void walk(int start, List<List<Integer>> out, int[] mark, List<Integer> post, List<NirEdge> back, List<NirNode> nodes) {
        mark[start] = 1;
        for (int next : out.get(start)) {
            if (mark[next] == 1) back.add(new NirEdge(nodes.get(start).name(), nodes.get(next).name()));
            else if (mark[next] == 0) walk(next, out, mark, post, back, nodes);
        }
        mark[start] = 2;
        post.add(start);
    }

    public int nodeCount() { return names.length; }

    public String name(int node) { return names[node]; }

    public String type(int node) { return types[node]; }

    public NodeKernel kernel(int node) { return kernels[node]; }

    int[] sources(int node) { return sources[node]; }

    /** Node indices in the order one step evaluates them. */
    public int[] order() { return order.clone(); }

    int orderAt(int k) { return order[k]; }

    public int inputNode() { return input; }

    public int inputSize() { return kernels[input].outputSize(); }

    public int[] outputNodes() { return outputs.clone(); }

    public List<NirEdge> edges() { return edges; }

    /** The edges that close a cycle and so carry the previous step's output. */
    public List<NirEdge> backEdges() { return backEdges; }

    public RunOptions options() { return options; }

    /** The node's index by its flat name, or an error naming the names there are. */
    public int node(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        throw new NirException("the graph has no node '" + name + "' (nodes: " + String.join(", ", names) + ")");
    }
}
