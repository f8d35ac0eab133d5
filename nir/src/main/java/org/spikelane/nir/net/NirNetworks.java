package org.spikelane.nir.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.kernel.NodeParams;
import org.spikelane.nir.model.NirEdge;
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.model.NirNode;

/**
 * Reads a NIR graph into the engine's {@link Network} for the graphs the engine can express
 * (docs/nir.md, "A graph as an engine Network"):
 * <ul>
 * <li>each Input node becomes a spike generator that emits the given input's spikes (values 0 or
 *     1), each LIF or IF node a LIF population (no refractory period, {@code v_init = 0},
 *     threshold {@code >});</li>
 * <li>each chain from a population through an Affine or Linear node (and Identity, Flatten,
 *     Delay, Output nodes) into a LIF or IF node becomes a {@code delta} projection with one synapse
 *     per non-zero weight, the weight being the voltage one input spike adds in the step: NIR's
 *     {@code W} times {@code dt/tau r} (euler), {@code (1 - e^{-dt/tau}) r} (exact) or {@code dt r}
 *     (IF); Delay nodes on the chain become the synapses' delays;</li>
 * <li>an Affine's bias is a constant input, which for a LIF node is a shift of its rest:
 *     {@code E_L = v_leak + r b}; euler's decay {@code 1 - dt/tau} is the engine's exact decay of
 *     {@code tau_m = -dt / ln(1 - dt/tau)}; IF has no leak ({@code tau_m} the largest double).</li>
 * </ul>
 * Every other node type, and a graph whose layers would need different delays than the engine's
 * one step per projection gives, is a one-line error naming the node or edge.
 */
public final class NirNetworks {
    private static final Set<String> PASS = Set.of("Identity", "Flatten", "Output");

    private NirNetworks() {}

    /**
     * @param input [steps][C] row-major, C the graph's input row length; 0 or 1 only
     */
    public static NirNetwork toNetwork(NirGraph graph, RunOptions options, float[] input, int steps) {
        if (options.precision() != Precision.FLOAT32) {
            throw new NirException("toNetwork builds a float32 network (call precision(...) on the result for the engine's own formats), not --precision "
                    + options.precision().label());
        }
        if (options.reset() == org.spikelane.nir.exec.ResetMode.SUBTRACT) {
            throw new NirException("--reset subtract has no engine counterpart: the engine's LIF resets v to v_reset; use --reset value");
        }
        CompiledGraph g = CompiledGraph.compile(graph, options);
        if (input.length != steps * g.inputSize()) {
            throw new NirException("the input holds " + input.length + " values, not " + steps + " steps x " + g.inputSize());
        }
        return new Builder(g, options, input, steps).build();
    }

    /** One projection: spikes of population {@code source} reach neuron node {@code target} through weights. */
    private record Term(int source, double[] weight, int cols, int[] preDelay, int[] postDelay, boolean back) {}

    private static final class Builder {
        private final CompiledGraph g;
        private final RunOptions options;
        private final float[] input;
        private final int steps;
        private final Set<String> backEdges = new HashSet<>();
        private final Network net;
        private final Map<Integer, Integer> shift = new HashMap<>();

        Builder(CompiledGraph g, RunOptions options, float[] input, int steps) {
            this.g = g;
            this.options = options;
            this.input = input;
            this.steps = steps;
            for (NirEdge e : g.backEdges()) backEdges.add(e.toString());
            this.net = new Network(options.dt());
        }

        NirNetwork build() {
            int[] inputs = g.inputNodes();
            for (int k = 0; k < inputs.length; k++) addGenerator(inputs[k], g.inputOffset(k));
            Map<Integer, List<Term>> terms = new LinkedHashMap<>();
            for (int node : g.order()) {
                String type = g.type(node);
                if (type.equals("Input") || PASS.contains(type) || type.equals("Affine") || type.equals("Linear") || type.equals("Delay")) continue;
                if (!type.equals("LIF") && !type.equals("IF")) {
                    throw new NirException("node '" + g.name(node) + "' (" + type + ") has no engine counterpart; toNetwork takes Input, LIF, IF, Affine, Linear, "
                            + "Delay, Identity, Flatten and Output nodes" + (type.equals("CubaLIF") ? " (the engine's exp_current integrates an impulse "
                            + "exactly, NIR's CubaLIF filters an input held over the step: no synapse plugin does that yet)" : ""));
                }
                List<Term> list = new ArrayList<>();
                double[] bias = new double[g.kernel(node).outputSize()];
                for (int s : g.sourcesOf(node)) post(s, node, node, zeros(bias.length), isBack(s, node), bias, list);
                terms.put(node, list);
                addLif(node, bias);
                for (Term t : list) if (!t.back()) setShift(node, shift.get(t.source()) + 1, t);
            }
            for (var e : terms.entrySet()) {
                for (Term t : e.getValue()) {
                    if (t.back() && !shift.get(t.source()).equals(shift.get(e.getKey()))) {
                        throw new NirException("the cycle from '" + g.name(t.source()) + "' back to '" + g.name(e.getKey()) + "' crosses layers: in the Network "
                                + "they run " + shift.get(t.source()) + " and " + shift.get(e.getKey()) + " steps late, so the edge would act at the wrong step");
                    }
                    connect(t, e.getKey());
                }
            }
            Map<String, Integer> shifts = new LinkedHashMap<>();
            for (var e : shift.entrySet()) shifts.put(g.name(e.getKey()), e.getValue());
            net.recordSpikes(shifts.keySet().toArray(String[]::new));
            return new NirNetwork(net, shifts);
        }

        private void setShift(int node, int s, Term via) {
            Integer old = shift.putIfAbsent(node, s);
            if (old != null && old != s) {
                throw new NirException("node '" + g.name(node) + "' takes spikes from layers of different depths ('" + g.name(via.source())
                        + "' among them): the Network's one step per projection cannot give both the same timing");
            }
        }

        private boolean isBack(int from, int to) { return backEdges.contains(g.name(from) + " -> " + g.name(to)); }

        private void addGenerator(int node, int offset) {
            int c = g.kernel(node).outputSize(), row = g.inputSize();
            List<Double> times = new ArrayList<>();
            List<Integer> neurons = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < c; i++) {
                    float x = input[t * row + offset + i];
                    if (x == 0f) continue;
                    if (x != 1f) throw new NirException("input row " + t + ", channel " + (offset + i) + " is " + x + "; a Network's Input node emits spikes (0 or 1)");
                    times.add(t * options.dt());
                    neurons.add(i);
                }
            }
            net.addSpikeGenerator(g.name(node), c, times.stream().mapToDouble(Double::doubleValue).toArray(),
                    neurons.stream().mapToInt(Integer::intValue).toArray(), 0);
            shift.put(node, 0);
        }

        private void addLif(int node, double[] bias) {
            NirNode p = g.nirNode(node);
            int n = bias.length;
            double dt = options.dt();
            double[] r = NodeParams.doubles(p, "r", n);
            double[] tauM = new double[n], rest = new double[n];
            boolean lif = p.type().equals("LIF");
            double[] tau = lif ? NodeParams.positive(p, "tau", n) : null;
            double[] vLeak = lif ? NodeParams.doubles(p, "v_leak", n) : new double[n];
            for (int i = 0; i < n; i++) {
                if (!lif) {
                    if (bias[i] != 0) throw new NirException("node '" + p.name() + "' (IF) has a bias; without a leak a constant input has no engine counterpart");
                    tauM[i] = Double.MAX_VALUE;
                } else if (options.integration() == Integration.EXACT) {
                    tauM[i] = tau[i];
                } else {
                    if (!(dt < tau[i])) throw new NirException("node '" + p.name() + "' (LIF): dt/tau = " + dt / tau[i] + " (neuron " + i + "); the Network needs euler's decay 1 - dt/tau above 0");
                    tauM[i] = -dt / Math.log1p(-dt / tau[i]);
                }
                rest[i] = vLeak[i] + r[i] * bias[i];
            }
            Map<String, Object> params = new HashMap<>();
            params.put("tau_m", tauM);
            params.put("E_L", rest);
            params.put("v_threshold", NodeParams.doubles(p, "v_threshold", n));
            params.put("v_reset", NodeParams.doublesOr(p, "v_reset", n, 0));
            params.put("v_init", new double[n]);
            params.put("R", 1.0); // r is folded into the weights and E_L: no current enters
            params.put("refractory", 0.0);
            net.addLif(p.name(), n, params);
        }

        /** Walks back from neuron {@code target} through pass-through and Delay nodes to an Affine or a population. */
        private void post(int node, int from, int target, int[] postDelay, boolean back, double[] bias, List<Term> out) {
            String type = g.type(node);
            switch (type) {
                case "Affine", "Linear" -> {
                    NirNode a = g.nirNode(node);
                    var w = a.require("weight");
                    if (type.equals("Affine")) {
                        double[] b = a.require("bias").values();
                        for (int i = 0; i < bias.length; i++) bias[i] += b[i];
                    }
                    for (int s : g.sourcesOf(node)) pre(s, node, w.values(), w.shape()[1], zeros(w.shape()[1]), postDelay, back || isBack(s, node), out);
                }
                case "Delay" -> {
                    int[] d = delaySteps(node);
                    int[] sum = postDelay.clone();
                    for (int i = 0; i < sum.length; i++) sum[i] += d[i];
                    for (int s : g.sourcesOf(node)) post(s, node, target, sum, back || isBack(s, node), bias, out);
                }
                case "Identity", "Flatten", "Output" -> {
                    for (int s : g.sourcesOf(node)) post(s, node, target, postDelay, back || isBack(s, node), bias, out);
                }
                case "Input", "LIF", "IF" -> out.add(new Term(node, null, postDelay.length, zeros(postDelay.length), postDelay, back));
                default -> throw chain(node, target);
            }
        }

        private void pre(int node, int affine, double[] w, int cols, int[] preDelay, int[] postDelay, boolean back, List<Term> out) {
            switch (g.type(node)) {
                case "Input", "LIF", "IF" -> out.add(new Term(node, w, cols, preDelay, postDelay, back));
                case "Identity", "Flatten", "Output" -> {
                    for (int s : g.sourcesOf(node)) pre(s, affine, w, cols, preDelay, postDelay, back || isBack(s, node), out);
                }
                case "Delay" -> {
                    int[] d = delaySteps(node);
                    int[] sum = preDelay.clone();
                    for (int j = 0; j < sum.length; j++) sum[j] += d[j];
                    for (int s : g.sourcesOf(node)) pre(s, affine, w, cols, sum, postDelay, back || isBack(s, node), out);
                }
                default -> throw chain(node, affine);
            }
        }

        private NirException chain(int node, int into) {
            return new NirException("node '" + g.name(node) + "' (" + g.type(node) + ") feeds '" + g.name(into) + "'; toNetwork takes chains of "
                    + "Affine or Linear nodes between spiking populations (Identity, Flatten and Delay nodes may stand between)");
        }

        private int[] delaySteps(int node) {
            double[] seconds = NodeParams.doubles(g.nirNode(node), "delay", g.kernel(node).outputSize());
            int[] d = new int[seconds.length];
            for (int i = 0; i < d.length; i++) d[i] = (int) Math.round(seconds[i] / options.dt()); // whole steps: checked by the compile
            return d;
        }

        private void connect(Term t, int target) {
            NirNode p = g.nirNode(target);
            int n = g.kernel(target).outputSize();
            double dt = options.dt();
            double[] r = NodeParams.doubles(p, "r", n);
            double[] gain = new double[n];
            for (int i = 0; i < n; i++) {
                if (p.type().equals("IF")) {
                    gain[i] = dt * r[i];
                } else {
                    double tau = NodeParams.positive(p, "tau", n)[i];
                    gain[i] = (options.integration() == Integration.EXACT ? -Math.expm1(-dt / tau) : dt / tau) * r[i];
                }
            }
            List<List<Integer>> pairs = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            List<Double> delays = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < t.cols(); j++) {
                    double w = t.weight() == null ? (i == j ? 1 : 0) : t.weight()[i * t.cols() + j];
                    if (w == 0) continue;
                    pairs.add(List.of(j, i));
                    weights.add(w * gain[i]);
                    delays.add((t.preDelay()[j] + t.postDelay()[i]) * dt);
                }
            }
            if (pairs.isEmpty()) return;
            net.connect(g.name(t.source()), g.name(target), "delta", null, weights, delays, Map.of("rule", "pairs", "pairs", pairs));
        }

        private static int[] zeros(int n) { return new int[n]; }
    }
}
