package org.spikelane.nir.quant;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.spikelane.Precision;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.kernel.NodeKernel;
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirNode;

/**
 * Turns a compiled graph's float kernels into those of precision fixed or loihi (docs/nir.md,
 * "Precision fixed and loihi"). What the two share:
 * <ul>
 * <li>values between nodes stay float arrays, but under these precisions they are spikes (0 or
 *     1, from the Input or a spiking node) or exact integers (an Affine's sum of integer weights,
 *     kept below 2^24); under loihi the Input's values may be graded, and an Affine fed by an
 *     Input node quantizes them itself ({@link GradedAffineKernel});</li>
 * <li>every Affine or Linear node feeds exactly one neuron node (through Identity, Flatten, Delay
 *     or Output nodes at most), and takes that neuron's gain into its integer weights, as the
 *     engine's fixed synapses and Lava's Dense take the target's scale;</li>
 * <li>every input of a neuron node comes from Affine or Linear nodes; an Affine's inputs are
 *     spikes.</li>
 * </ul>
 * Nodes with no integer form here (Scale, Threshold) are a one-line error naming the node.
 */
public final class Quantizer {
    private static final Set<String> PASS = Set.of("Input", "Output", "Identity", "Flatten", "Delay");
    private static final Set<String> AFFINE = Set.of("Affine", "Linear");

    private Quantizer() {}

    /** Replaces the kernels of the neuron and Affine nodes in place; returns the quantization report. */
    public static List<NodeQuantization> quantize(List<NirNode> nodes, NodeKernel[] kernels, List<List<Integer>> sources, RunOptions options) {
        Precision precision = options.precision();
        String flag = "--precision " + precision.label();
        int n = nodes.size();
        for (NirNode node : nodes) {
            if (!PASS.contains(node.type()) && !AFFINE.contains(node.type()) && NeuronParams.Kind.of(node.type()) == null) {
                throw new NirException("node '" + node.name() + "' (" + node.type() + ") has no integer form; under " + flag
                        + " the NIR import runs Input, Output, Identity, Flatten, Delay, Affine, Linear and the neuron nodes");
            }
        }
        int[] owner = new int[n];
        java.util.Arrays.fill(owner, -1);
        List<List<Integer>> feeding = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> affines = new ArrayList<>();
            feeding.add(affines);
            if (NeuronParams.Kind.of(nodes.get(i).type()) == null) continue;
            collectAffines(i, i, nodes, sources, affines, new boolean[n], flag);
            for (int a : affines) {
                if (owner[a] >= 0 && owner[a] != i) {
                    throw new NirException("node '" + nodes.get(a).name() + "' (" + nodes.get(a).type() + ") feeds both '" + nodes.get(owner[a]).name()
                            + "' and '" + nodes.get(i).name() + "'; under " + flag + " an Affine feeds one neuron node, whose gain its integer weights take");
                }
                owner[a] = i;
            }
        }
        double[] magnitude = new double[n];
        java.util.Arrays.fill(magnitude, -1);
        for (int a = 0; a < n; a++) {
            if (!AFFINE.contains(nodes.get(a).type())) continue;
            if (owner[a] < 0) {
                throw new NirException("node '" + nodes.get(a).name() + "' (" + nodes.get(a).type() + ") feeds no neuron node; under " + flag
                        + " an Affine's integer sums must go to a neuron node");
            }
        }
        List<NodeQuantization> report = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> affines = feeding.get(i);
            if (NeuronParams.Kind.of(nodes.get(i).type()) == null) continue;
            List<AffineInput> inputs = new ArrayList<>();
            for (int a : affines) {
                double maxIn = 0;
                boolean graded = false;
                for (int s : sources.get(a)) {
                    maxIn += spikes(s, nodes, sources, kernels, magnitude, new boolean[n], nodes.get(a), flag);
                    graded |= reachesInput(s, nodes, sources, new boolean[n]);
                }
                inputs.add(AffineInput.of(a, nodes.get(a), maxIn, graded));
            }
            NeuronParams p = NeuronParams.of(nodes.get(i), kernels[i].outputSize());
            Mapped m = precision == Precision.LOIHI ? LoihiMapping.map(p, inputs, options) : FixedMapping.map(p, inputs, options);
            kernels[i] = m.neuron();
            m.affines().forEach((a, k) -> kernels[a] = k);
            report.addAll(m.report());
        }
        return List.copyOf(report);
    }

    /** The Affine nodes behind neuron {@code neuron}'s inputs, through pass-through nodes; anything else is an error. */
    private static void collectAffines(int neuron, int node, List<NirNode> nodes, List<List<Integer>> sources, List<Integer> out,
                                       boolean[] seen, String flag) {
        for (int s : sources.get(node)) {
            NirNode src = nodes.get(s);
            if (AFFINE.contains(src.type())) {
                if (!out.contains(s)) out.add(s);
            } else if (PASS.contains(src.type()) && !src.type().equals("Input") && !seen[s]) {
                seen[s] = true;
                collectAffines(neuron, s, nodes, sources, out, seen, flag);
            } else if (!PASS.contains(src.type()) || src.type().equals("Input")) {
                throw new NirException("node '" + nodes.get(neuron).name() + "' (" + nodes.get(neuron).type() + ") takes input from node '" + src.name()
                        + "' (" + src.type() + ") without weights; under " + flag + " a neuron node's inputs are Affine or Linear nodes");
            }
        }
    }

    /** True if node {@code s} is an Input node or passes one on (through pass-through nodes only). */
    private static boolean reachesInput(int s, List<NirNode> nodes, List<List<Integer>> sources, boolean[] seen) {
        String type = nodes.get(s).type();
        if (type.equals("Input")) return true;
        if (!PASS.contains(type) || seen[s]) return false;
        seen[s] = true;
        for (int t : sources.get(s)) if (reachesInput(t, nodes, sources, seen)) return true;
        return false;
    }

    /**
     * The largest value node {@code s} gives an Affine's input: 1 for the Input and spiking nodes,
     * the sum over the sources of a pass-through node; anything that is not spikes is an error.
     */
    private static double spikes(int s, List<NirNode> nodes, List<List<Integer>> sources, NodeKernel[] kernels, double[] memo, boolean[] onStack,
                                 NirNode affine, String flag) {
        if (memo[s] >= 0) return memo[s];
        NirNode node = nodes.get(s);
        double m;
        if (node.type().equals("Input") || (NeuronParams.Kind.of(node.type()) != null && kernels[s].spiking())) {
            m = 1;
        } else if (PASS.contains(node.type()) && !onStack[s]) {
            onStack[s] = true;
            m = 0;
            for (int t : sources.get(s)) m += spikes(t, nodes, sources, kernels, memo, onStack, affine, flag);
            onStack[s] = false;
        } else {
            throw new NirException("node '" + affine.name() + "' (" + affine.type() + ") takes input from node '" + node.name() + "' (" + node.type()
                    + "), which gives no spikes; under " + flag + " an Affine's inputs are spikes (the Input or a spiking node)");
        }
        memo[s] = m;
        return m;
    }
}
