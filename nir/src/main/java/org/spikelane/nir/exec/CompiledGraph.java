package org.spikelane.nir.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.Precision;
import org.spikelane.nir.kernel.NodeKernel;
import org.spikelane.nir.kernel.NodeKernels;
import org.spikelane.nir.model.NirEdge;
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.model.NirNode;
import org.spikelane.nir.quant.NodeQuantization;
import org.spikelane.nir.quant.Quantizer;

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
    private final NirNode[] nirNodes;
    private final String[] types;
    private final NodeKernel[] kernels;
    private final int[][] sources;
    private final int[] order;
    private final int[] inputs;
    private final int[] inputOffsets;
    private final boolean[] isInput;
    private final int[] outputs;
    private final List<NirEdge> edges;
    private final List<NirEdge> backEdges;
    private final RunOptions options;
    private final List<NodeQuantization> quantization;

    private CompiledGraph(NirNode[] nirNodes, String[] names, String[] types, NodeKernel[] kernels, int[][] sources, int[] order, int[] inputs,
            int[] outputs, List<NirEdge> edges, List<NirEdge> backEdges, RunOptions options, List<NodeQuantization> quantization) {
        this.nirNodes = nirNodes;
        this.names = names;
        this.types = types;
        this.kernels = kernels;
        this.sources = sources;
        this.order = order;
        this.inputs = inputs;
        this.isInput = new boolean[names.length];
        for (int i : inputs) isInput[i] = true;
        this.inputOffsets = new int[inputs.length + 1];
        for (int k = 0; k < inputs.length; k++) inputOffsets[k + 1] = inputOffsets[k] + kernels[inputs[k]].outputSize();
        this.outputs = outputs;
        this.edges = edges;
        this.backEdges = backEdges;
        this.options = options;
        this.quantization = quantization;
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
        if (inputs.isEmpty()) throw new NirException("the graph has no Input node");
        if (outputs.isEmpty()) throw new NirException("the graph has no Output node");
        for (int i = 0; i < n; i++) {
            if (!inputs.contains(i) && in.get(i).isEmpty()) {
                throw new NirException("node '" + nodes.get(i).name() + "' (" + nodes.get(i).type() + ") has no incoming edge");
            }
        }

        // depth-first walk: post-order and the back edges; from each Input node in file order, then the rest
        int[] mark = new int[n]; // 0 unseen, 1 on the stack, 2 done
        List<Integer> post = new ArrayList<>();
        List<NirEdge> back = new ArrayList<>();
        for (int i : inputs) if (mark[i] == 0) walk(i, out, mark, post, back, nodes);
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
        // fixed and loihi: the neuron and Affine kernels become integer ones (docs/nir.md, "Precision fixed and loihi")
        List<NodeQuantization> quantization = options.precision() == Precision.FLOAT32 ? List.of()
                : Quantizer.quantize(nodes, kernels, in, options);
        String[] names = new String[n];
        String[] types = new String[n];
        int[][] sources = new int[n][];
        for (int i = 0; i < n; i++) {
            names[i] = nodes.get(i).name();
            types[i] = nodes.get(i).type();
            sources[i] = in.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new CompiledGraph(nodes.toArray(NirNode[]::new), names, types, kernels, sources, order, inputs.stream().mapToInt(Integer::intValue).toArray(),
                outputs.stream().mapToInt(Integer::intValue).toArray(), flat.edges(), List.copyOf(back), options, quantization);
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

    /** The nodes whose outputs node {@code node} sums, in the order of their edges. */
    public int[] sourcesOf(int node) { return sources[node].clone(); }

    /** The flat node as the file gave it (parameters, type). */
    public NirNode nirNode(int node) { return nirNodes[node]; }

    /** Node indices in the order one step evaluates them. */
    public int[] order() { return order.clone(); }

    int orderAt(int k) { return order[k]; }

    /** The Input nodes in file order: an input row holds their values one after the other, in this order. */
    public int[] inputNodes() { return inputs.clone(); }

    /** The Input nodes without a copy, for the step loop. */
    int[] inputs() { return inputs; }

    boolean isInput(int node) { return isInput[node]; }

    /** Where Input node {@code inputNodes()[k]}'s values start in an input row. */
    public int inputOffset(int k) { return inputOffsets[k]; }

    /** The length of an input row: the sizes of all Input nodes added up. */
    public int inputSize() { return inputOffsets[inputs.length]; }

    public int[] outputNodes() { return outputs.clone(); }

    public List<NirEdge> edges() { return edges; }

    /** The edges that close a cycle and so carry the previous step's output. */
    public List<NirEdge> backEdges() { return backEdges; }

    public RunOptions options() { return options; }

    /** Per node, each quantized parameter's worst error under precision fixed or loihi; empty under float32. */
    public List<NodeQuantization> quantization() { return quantization; }

    /** The node's index by its flat name, or an error naming the names there are. */
    public int node(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        throw new NirException("the graph has no node '" + name + "' (nodes: " + String.join(", ", names) + ")");
    }
}
