package org.spikelane.nir.kernel;

import java.util.List;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.model.NirArray;
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirNode;
import org.spikelane.simd.Simd;

/** Builds the kernel of one NIR node from its type and datasets; the one place that knows type names. */
public final class NodeKernels {
    /** Every node type this import runs (a nested NIRGraph is flattened before kernels are built). */
    public static final List<String> SUPPORTED = List.of("Input", "Output", "Affine", "Linear", "Scale", "LIF", "CubaLIF",
            "CubaLI", "LI", "IF", "I", "Threshold", "Delay", "Flatten", "Identity", "NIRGraph");

    private NodeKernels() {}

    /**
     * @param inputSize the size the node's incoming edges deliver, or -1 for the graph's Input node
     */
    public static NodeKernel create(NirNode node, int inputSize, RunOptions options) {
        NodeKernel k = build(node, inputSize, options);
        if (k.inputSize() < 0) throw sizeUnknown(node);
        return k;
    }

    /** Only an edge closing a cycle feeds the node and its parameters are scalars: nothing gives its size. */
    static NirException sizeUnknown(NirNode node) {
        return new NirException("node '" + node.name() + "' (" + node.type() + "): its size cannot be inferred (no forward edge into it, no per-neuron parameter)");
    }

    private static NodeKernel build(NirNode node, int inputSize, RunOptions options) {
        String[] neuron = {"tau", "tau_mem", "tau_syn", "r", "v_leak", "v_threshold", "v_reset", "w_in"};
        return switch (node.type()) {
            case "Input" -> new IdentityKernel(product(node, node.require("shape")));
            case "Output", "Flatten", "Identity" -> new IdentityKernel(inputSize);
            case "Affine", "Linear" -> affine(node);
            case "Scale" -> new ScaleKernel(node.require("scale").values());
            case "Threshold" -> new ThresholdKernel(NodeParams.doubles(node, "threshold", NodeParams.size(node, inputSize, "threshold")));
            case "LIF" -> {
                int n = NodeParams.size(node, inputSize, neuron);
                yield new LifKernel(NodeParams.positive(node, "tau", n), NodeParams.doubles(node, "r", n),
                        NodeParams.doubles(node, "v_leak", n), NodeParams.doubles(node, "v_threshold", n),
                        NodeParams.doublesOr(node, "v_reset", n, 0), options);
            }
            case "CubaLIF" -> {
                int n = NodeParams.size(node, inputSize, neuron);
                yield new CubaLifKernel(NodeParams.positive(node, "tau_syn", n), NodeParams.positive(node, "tau_mem", n),
                        NodeParams.doubles(node, "r", n), NodeParams.doubles(node, "v_leak", n),
                        NodeParams.doubles(node, "v_threshold", n), NodeParams.doublesOr(node, "v_reset", n, 0),
                        NodeParams.doublesOr(node, "w_in", n, 1), options);
            }
            case "CubaLI" -> {
                int n = NodeParams.size(node, inputSize, neuron);
                yield new CubaLifKernel(NodeParams.positive(node, "tau_syn", n), NodeParams.positive(node, "tau_mem", n),
                        NodeParams.doubles(node, "r", n), NodeParams.doubles(node, "v_leak", n), null, null,
                        NodeParams.doublesOr(node, "w_in", n, 1), options);
            }
            case "LI" -> {
                int n = NodeParams.size(node, inputSize, neuron);
                yield new LiKernel(NodeParams.positive(node, "tau", n), NodeParams.doubles(node, "r", n),
                        NodeParams.doubles(node, "v_leak", n), options);
            }
            case "IF" -> {
                int n = NodeParams.size(node, inputSize, neuron);
                yield new IfKernel(NodeParams.doubles(node, "r", n), NodeParams.doubles(node, "v_threshold", n),
                        NodeParams.doublesOr(node, "v_reset", n, 0), options);
            }
            case "I" -> new IntegratorKernel(NodeParams.doubles(node, "r", NodeParams.size(node, inputSize, "r")), options);
            case "Delay" -> delay(node, inputSize, options.dt());
            default -> throw new NirException("node '" + node.name() + "' has type " + node.type()
                    + ", which the NIR import does not run (supported: " + String.join(", ", SUPPORTED) + ")");
        };
    }

    private static NodeKernel affine(NirNode node) {
        NirArray w = node.require("weight");
        if (w.shape().length != 2) {
            throw new NirException("node '" + node.name() + "' (" + node.type() + "): weight has shape " + w.shapeText() + "; only [out, in] is supported");
        }
        int out = w.shape()[0];
        int in = w.shape()[1];
        double[] bias = null;
        if (node.type().equals("Affine")) {
            NirArray b = node.require("bias");
            if (b.size() != out) throw new NirException("node '" + node.name() + "' (Affine): bias has " + b.size() + " values for " + out + " outputs");
            bias = b.values();
        }
        return new AffineKernel(w.values(), bias, out, in, Simd.useVectorKernels());
    }

    /**
     * An Affine (bias non-null) or Linear kernel over the given weights, row-major [out][in]: the
     * quantized precisions hand it integer weights, whose sums of spikes stay exact in float.
     */
    public static NodeKernel affine(double[] weight, double[] bias, int out, int in) {
        return new AffineKernel(weight, bias, out, in, Simd.useVectorKernels());
    }

    private static NodeKernel delay(NirNode node, int inputSize, double dt) {
        int n = NodeParams.size(node, inputSize, "delay");
        double[] seconds = NodeParams.doubles(node, "delay", n);
        int[] steps = new int[n];
        for (int i = 0; i < n; i++) {
            double s = seconds[i] / dt;
            long k = Math.round(s);
            // times are whole steps: a delay between two steps has no place on the grid
            if (!(seconds[i] >= 0) || Math.abs(s - k) > 1e-6 * Math.max(1, s) || k > 1_000_000) {
                throw new NirException("node '" + node.name() + "' (Delay): delay[" + i + "] = " + seconds[i]
                        + " s is not a whole number of steps of dt = " + dt + " s between 0 and 1e6 steps");
            }
            steps[i] = (int) k;
        }
        return new DelayKernel(steps);
    }

    private static int product(NirNode node, NirArray shape) {
        long p = 1;
        for (double d : shape.values()) p *= (long) d;
        if (p <= 0 || p > Integer.MAX_VALUE) throw new NirException("node '" + node.name() + "' (Input): shape " + java.util.Arrays.toString(shape.values()) + " is not a positive size");
        return (int) p;
    }
}
