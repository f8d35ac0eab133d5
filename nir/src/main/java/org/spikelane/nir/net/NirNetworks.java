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
 *     1), each LIF, IF or CubaLIF node a LIF population (no refractory period, threshold
 *     {@code >}), each Threshold node a LIF population whose decay is 0 (v is the step's input
 *     plus the bias, {@code MEMORYLESS_TAU_FRACTION}), and each readout (LI, CubaLI, I: a node whose output is v) the population of its
 *     spiking twin (LIF, CubaLIF, IF) with a threshold v cannot reach ({@code readoutThreshold});</li>
 * <li>each chain from a population through an Affine or Linear node (and Identity, Flatten,
 *     Delay, Scale, Output nodes; a Scale folds into the chain's weights) into a LIF or IF node becomes a {@code delta} projection with one synapse
 *     per non-zero weight, the weight being the voltage one input spike adds in the step: NIR's
 *     {@code W} times {@code dt/tau r} (euler), {@code (1 - e^{-dt/tau}) r} (exact) or {@code dt r}
 *     (IF); into a CubaLIF node an {@code exp_current} projection (plus a {@code delta} one under
 *     exact) whose decay and weights reproduce NIR's current step ({@link CubaLifCurrent});
 *     Delay nodes on the chain become the synapses' delays;</li>
 * <li>an Affine's bias is a constant input, which for a LIF node is a shift of its rest:
 *     {@code E_L = v_leak + r b}, and for a CubaLIF or an IF (no leak to shift) a generator
 *     spiking every step;
 *     euler's decay {@code 1 - dt/tau} is the engine's exact decay of
 *     {@code tau_m = -dt / ln(1 - dt/tau)}; IF has no leak ({@code tau_m} the largest double).</li>
 * </ul>
 * Every other node type, and a cycle that would have to act before its spike, is a one-line
 * error naming the node or edge.
 */
public final class NirNetworks {
    private static final Set<String> PASS = Set.of("Identity", "Flatten", "Output");
    private static final Set<String> SPIKING = Set.of("LIF", "IF", "CubaLIF", "Threshold");
    /**
     * A Threshold node is a population that forgets v every step: its tau_m is this fraction of dt,
     * so the decay e^{-dt/tau_m} = e^{-1000} is 0 in double and float, and v is the rest (the
     * Affine's bias) plus the step's input jumps, compared with the threshold.
     */
    private static final double MEMORYLESS_TAU_FRACTION = 1e-3;
    /** Readouts never fire: their v is what a caller records ({@link NirNetwork#readouts()}). */
    private static final Set<String> READOUTS = Set.of("LI", "CubaLI", "I");

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
    private record Term(String source, double[] weight, int cols, int[] preDelay, int[] postDelay, boolean back) {}

    private static final class Builder {
        private final CompiledGraph g;
        private final RunOptions options;
        private final float[] input;
        private final int steps;
        private final Set<String> backEdges = new HashSet<>();
        private final Network net;
        /** Step shift of every population by name, the bias generators included. */
        private final Map<String, Integer> shift = new LinkedHashMap<>();
        private final Set<String> biasGenerators = new HashSet<>();
        private final List<String> readouts = new ArrayList<>();
        /** Per readout, per neuron: the largest |x| its input reaches in a step (spikes are 0 or 1). */
        private final Map<String, double[]> largestInput = new HashMap<>();

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
                if (type.equals("Input") || PASS.contains(type) || type.equals("Affine") || type.equals("Linear") || type.equals("Delay") || type.equals("Scale")) continue;
                if (!SPIKING.contains(type) && !READOUTS.contains(type)) {
                    throw new NirException("node '" + g.name(node) + "' (" + type + ") has no engine counterpart; toNetwork takes Input, LIF, IF, CubaLIF, Threshold, LI, "
                            + "CubaLI, I, Affine, Linear, Delay, Scale, Identity, Flatten and Output nodes");
                }
                List<Term> list = new ArrayList<>();
                double[] bias = new double[g.kernel(node).outputSize()];
                for (int s : g.sourcesOf(node)) post(s, node, node, zeros(bias.length), ones(bias.length), isBack(s, node), bias, list);
                if (READOUTS.contains(type)) largestInput.put(g.name(node), largestInput(list, bias)); // before the bias joins the terms
                boolean cuba = isCuba(node);
                // a bias is a shift of the rest only where a leak settles it; elsewhere it is an input every step
                if ((cuba || !leaky(node)) && java.util.Arrays.stream(bias).anyMatch(b -> b != 0)) list.add(biasTerm(node, bias));
                terms.put(node, list);
                // the shallowest timing every feed-forward source allows; deeper sources wait in synaptic delays
                int s = lag(node);
                for (Term t : list) if (!t.back()) s = Math.max(s, shift.get(t.source()) + lag(node));
                shift.put(g.name(node), s);
                if (READOUTS.contains(type)) readouts.add(g.name(node));
                if (cuba) addCubaLif(node, s);
                else addLif(node, bias, s);
            }
            for (var e : terms.entrySet()) {
                for (Term t : e.getValue()) connect(t, e.getKey(), extraDelay(t, e.getKey()));
            }
            Map<String, Integer> shifts = new LinkedHashMap<>(shift);
            shifts.keySet().removeAll(biasGenerators);
            net.recordSpikes(shifts.keySet().stream().filter(p -> !readouts.contains(p)).toArray(String[]::new));
            return new NirNetwork(net, shifts, readouts);
        }

        /**
         * Steps between the engine's delivery of a NIR step's spike and NIR's own use of it: an
         * engine projection delivers at the end of the spike's step, to act from the next; a
         * LIF-like node uses its input in the same NIR step (lag 1), a CubaLIF under euler in its
         * current one step before v (lag 0); a back edge carries the previous step.
         */
        private int extraDelay(Term t, int target) {
            int d = shift.get(g.name(target)) - shift.get(t.source()) - lag(target) + (t.back() ? 1 : 0);
            if (d < 0) {
                throw new NirException("the cycle from '" + t.source() + "' back to '" + g.name(target) + "' crosses layers: in the Network they run "
                        + shift.get(t.source()) + " and " + shift.get(g.name(target)) + " steps late, so the edge would act before its spike");
            }
            return d;
        }

        private int lag(int node) { return isCuba(node) ? CubaLifCurrent.lag(options.integration()) : 1; }

        /** CubaLIF and its readout CubaLI: a current filter before v. */
        private boolean isCuba(int node) { return g.type(node).equals("CubaLIF") || g.type(node).equals("CubaLI"); }

        /** LIF and its readout LI: v leaks toward v_leak (IF and I have no leak). */
        private boolean leaky(int node) { return g.type(node).equals("LIF") || g.type(node).equals("LI") || threshold(node); }

        private boolean threshold(int node) { return g.type(node).equals("Threshold"); }

        private boolean readout(NirNode p) { return READOUTS.contains(p.type()); }

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
            shift.put(g.name(node), 0);
        }

        /**
         * A CubaLIF's bias is a constant input x that its synaptic filter integrates from I = 0, so
         * it is no shift of the rest: a one-neuron generator spiking every step carries it, with
         * weight b_i to neuron i, through the same synapses as any input.
         */
        private Term biasTerm(int node, double[] bias) {
            String name = g.name(node) + ".bias";
            if (java.util.stream.IntStream.range(0, g.nodeCount()).anyMatch(k -> g.name(k).equals(name))) throw new NirException("node '" + name + "' clashes with the Network's bias generator of '" + g.name(node) + "'");
            double[] times = new double[steps];
            for (int t = 0; t < steps; t++) times[t] = t * options.dt();
            net.addSpikeGenerator(name, 1, times, new int[steps], 0);
            shift.put(name, 0);
            biasGenerators.add(name);
            return new Term(name, bias.clone(), 1, zeros(1), zeros(bias.length), false);
        }

        private void addLif(int node, double[] bias, int shiftSteps) {
            NirNode p = g.nirNode(node);
            int n = bias.length;
            double dt = options.dt();
            if (threshold(node)) { // memoryless: v is the bias plus the step's input, r = 1
                double[] forget = new double[n];
                java.util.Arrays.fill(forget, dt * MEMORYLESS_TAU_FRACTION);
                addPopulation(p, forget, bias.clone(), shiftSteps);
                return;
            }
            double[] r = NodeParams.doubles(p, "r", n);
            double[] tauM = new double[n], rest = new double[n];
            boolean lif = leaky(node);
            double[] tau = lif ? NodeParams.positive(p, "tau", n) : null;
            double[] vLeak = lif ? NodeParams.doubles(p, "v_leak", n) : new double[n];
            for (int i = 0; i < n; i++) {
                if (!lif) {
                    tauM[i] = Double.MAX_VALUE;
                    continue; // the bias comes from a generator (build)
                } else if (options.integration() == Integration.EXACT) {
                    tauM[i] = tau[i];
                } else {
                    if (!(dt < tau[i])) throw new NirException("node '" + p.name() + "' (" + p.type() + "): dt/tau = " + dt / tau[i] + " (neuron " + i + "); the Network needs euler's decay 1 - dt/tau above 0");
                    tauM[i] = -dt / Math.log1p(-dt / tau[i]);
                }
                rest[i] = vLeak[i] + r[i] * bias[i];
            }
            addPopulation(p, tauM, rest, shiftSteps);
        }

        private void addCubaLif(int node, int shiftSteps) {
            NirNode p = g.nirNode(node);
            int n = g.kernel(node).outputSize();
            double[] tauM = new double[n];
            for (int i = 0; i < n; i++) tauM[i] = cubaCurrent(node, i).tauM();
            addPopulation(p, tauM, NodeParams.doubles(p, "v_leak", n), shiftSteps);
        }

        /**
         * The engine population of a neuron node: no refractory period, threshold {@code >},
         * {@code R = 1} (NIR's r is folded into the weights and the rest, no current enters), and
         * v starting where, after the population's {@code shift} steps of waiting (no input yet),
         * its leak toward E_L brings it to NIR's 0.
         */
        private void addPopulation(NirNode p, double[] tauM, double[] rest, int shiftSteps) {
            int n = tauM.length;
            double[] vInit = new double[n];
            boolean memoryless = p.type().equals("Threshold");
            for (int i = 0; i < n; i++) {
                vInit[i] = rest[i] == 0 || tauM[i] == Double.MAX_VALUE || memoryless ? 0 : -rest[i] * Math.expm1(shiftSteps * options.dt() / tauM[i]);
            }
            double[] threshold = readout(p) ? readoutThreshold(p, vInit) : NodeParams.doubles(p, memoryless ? "threshold" : "v_threshold", n);
            for (int i = 0; i < n; i++) {
                if (memoryless && rest[i] > threshold[i]) { // v is the bias in the steps before the first input arrives
                    throw new NirException("node '" + p.name() + "' (Threshold): neuron " + i + " has bias " + rest[i] + " above its threshold " + threshold[i]
                            + ", so it would spike in the " + shiftSteps + " steps its layer runs late in the Network, before any input");
                }
                if (vInit[i] > threshold[i]) {
                    throw new NirException("node '" + p.name() + "': neuron " + i + " would have to start at v = " + vInit[i] + ", above v_threshold, to reach 0 after the "
                            + shiftSteps + " steps its layer runs late in the Network");
                }
            }
            Map<String, Object> params = new HashMap<>();
            params.put("tau_m", tauM);
            params.put("E_L", rest);
            params.put("v_threshold", threshold);
            params.put("v_reset", readout(p) ? new double[n] : NodeParams.doublesOr(p, "v_reset", n, 0));
            params.put("v_init", vInit);
            params.put("R", 1.0);
            params.put("refractory", 0.0);
            net.addLif(p.name(), n, params);
        }

        /** Sum over the input terms of |W_ij| (1 for a spike straight in), plus |b_i|: the largest |x_i| of a step. */
        private static double[] largestInput(List<Term> terms, double[] bias) {
            double[] x = new double[bias.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.abs(bias[i]);
                for (Term t : terms) {
                    for (int j = 0; j < t.cols(); j++) x[i] += t.weight() == null ? (i == j ? 1 : 0) : Math.abs(t.weight()[i * t.cols() + j]);
                }
            }
            return x;
        }

        /**
         * A readout's threshold: twice the largest |v| it can reach, so it never fires, yet close
         * enough that a fixed-point format given the Network later (its LSB_v follows the largest
         * voltage parameter) keeps v's digits; an unbounded or float-max threshold would round v
         * to 0 there. With |x| at most X: LI's and CubaLI's v stay between v_leak +- |r| X (times
         * |w_in| for CubaLI, whose current stays within |w_in| X), as both integrations move v
         * toward that drive by a fraction of the gap per step; I's v moves at most dt |r| X per
         * step, and inputs stop after the run's steps. The start, v_init, is included.
         */
        private double[] readoutThreshold(NirNode p, double[] vInit) {
            int n = vInit.length;
            double[] x = largestInput.get(p.name());
            double[] r = NodeParams.doubles(p, "r", n);
            double[] vLeak = p.type().equals("I") ? new double[n] : NodeParams.doubles(p, "v_leak", n);
            double[] wIn = NodeParams.doublesOr(p, "w_in", n, 1);
            double[] threshold = new double[n];
            for (int i = 0; i < n; i++) {
                double reach = switch (p.type()) {
                    case "I" -> steps * options.dt() * Math.abs(r[i]) * x[i];
                    case "LI" -> Math.abs(vLeak[i]) + Math.abs(r[i]) * x[i];
                    default -> Math.abs(vLeak[i]) + Math.abs(r[i] * wIn[i]) * x[i];
                };
                double top = Math.max(reach, Math.abs(vInit[i]));
                threshold[i] = top > 0 ? 2 * top : 1;
            }
            return threshold;
        }

        private CubaLifCurrent cubaCurrent(int node, int i) {
            NirNode p = g.nirNode(node);
            int n = g.kernel(node).outputSize();
            return CubaLifCurrent.of(NodeParams.positive(p, "tau_mem", n)[i], NodeParams.positive(p, "tau_syn", n)[i], NodeParams.doubles(p, "r", n)[i],
                    NodeParams.doublesOr(p, "w_in", n, 1)[i], options.dt(), options.integration(), "node '" + p.name() + "' (" + p.type() + ")", i);
        }

        /**
         * Walks back from neuron {@code target} through pass-through, Delay and Scale nodes to an
         * Affine or a population. {@code postScale} is the product of the Scale nodes passed so far,
         * per target neuron: a Scale multiplies element by element, so between an Affine and the
         * neuron it scales the Affine's rows and bias, and on a chain without an Affine it is the
         * weight of the one-to-one connection.
         */
        private void post(int node, int from, int target, int[] postDelay, double[] postScale, boolean back, double[] bias, List<Term> out) {
            String type = g.type(node);
            switch (type) {
                case "Affine", "Linear" -> {
                    NirNode a = g.nirNode(node);
                    var w = a.require("weight");
                    int cols = w.shape()[1];
                    if (type.equals("Affine")) {
                        double[] b = a.require("bias").values();
                        for (int i = 0; i < bias.length; i++) bias[i] += postScale[i] * b[i];
                    }
                    double[] scaled = w.values().clone();
                    for (int k = 0; k < scaled.length; k++) scaled[k] *= postScale[k / cols];
                    for (int s : g.sourcesOf(node)) pre(s, node, scaled, cols, zeros(cols), postDelay, back || isBack(s, node), out);
                }
                case "Delay" -> {
                    int[] d = delaySteps(node);
                    int[] sum = postDelay.clone();
                    for (int i = 0; i < sum.length; i++) sum[i] += d[i];
                    for (int s : g.sourcesOf(node)) post(s, node, target, sum, postScale, back || isBack(s, node), bias, out);
                }
                case "Scale" -> {
                    double[] f = NodeParams.doubles(g.nirNode(node), "scale", postScale.length);
                    double[] product = postScale.clone();
                    for (int i = 0; i < product.length; i++) product[i] *= f[i];
                    for (int s : g.sourcesOf(node)) post(s, node, target, postDelay, product, back || isBack(s, node), bias, out);
                }
                case "Identity", "Flatten", "Output" -> {
                    for (int s : g.sourcesOf(node)) post(s, node, target, postDelay, postScale, back || isBack(s, node), bias, out);
                }
                case "Input", "LIF", "IF", "CubaLIF", "Threshold" -> out.add(new Term(g.name(node), diagonal(postScale), postDelay.length, zeros(postDelay.length), postDelay, back));
                case "LI", "CubaLI", "I" -> throw readoutFeeds(node, target);
                default -> throw chain(node, target);
            }
        }

        private void pre(int node, int affine, double[] w, int cols, int[] preDelay, int[] postDelay, boolean back, List<Term> out) {
            switch (g.type(node)) {
                case "Input", "LIF", "IF", "CubaLIF", "Threshold" -> out.add(new Term(g.name(node), w, cols, preDelay, postDelay, back));
                case "LI", "CubaLI", "I" -> throw readoutFeeds(node, affine);
                case "Identity", "Flatten", "Output" -> {
                    for (int s : g.sourcesOf(node)) pre(s, affine, w, cols, preDelay, postDelay, back || isBack(s, node), out);
                }
                case "Delay" -> {
                    int[] d = delaySteps(node);
                    int[] sum = preDelay.clone();
                    for (int j = 0; j < sum.length; j++) sum[j] += d[j];
                    for (int s : g.sourcesOf(node)) pre(s, affine, w, cols, sum, postDelay, back || isBack(s, node), out);
                }
                case "Scale" -> { // before an Affine a Scale multiplies its input j: column j of the weights
                    double[] f = NodeParams.doubles(g.nirNode(node), "scale", cols);
                    double[] scaled = w.clone();
                    for (int k = 0; k < scaled.length; k++) scaled[k] *= f[k % cols];
                    for (int s : g.sourcesOf(node)) pre(s, affine, scaled, cols, preDelay, postDelay, back || isBack(s, node), out);
                }
                default -> throw chain(node, affine);
            }
        }

        private NirException chain(int node, int into) {
            return new NirException("node '" + g.name(node) + "' (" + g.type(node) + ") feeds '" + g.name(into) + "'; toNetwork takes chains of "
                    + "Affine or Linear nodes between spiking populations (Identity, Flatten, Delay and Scale nodes may stand between)");
        }

        /** A readout's output is its v, a graded value, which no engine projection carries. */
        private NirException readoutFeeds(int node, int into) {
            return new NirException("node '" + g.name(node) + "' (" + g.type(node) + ") feeds '" + g.name(into) + "'; a readout's output is its v, not spikes, "
                    + "so in a Network it may feed only Output nodes");
        }

        private int[] delaySteps(int node) {
            double[] seconds = NodeParams.doubles(g.nirNode(node), "delay", g.kernel(node).outputSize());
            int[] d = new int[seconds.length];
            for (int i = 0; i < d.length; i++) d[i] = (int) Math.round(seconds[i] / options.dt()); // whole steps: checked by the compile
            return d;
        }

        /**
         * The term's synapses: for a LIF or IF target one {@code delta} projection, the weight the
         * jump of v one input gives in its step; for a CubaLIF one {@code exp_current} projection per
         * distinct engine {@code tau_syn} among the targets, plus under exact a {@code delta} one
         * ({@link CubaLifCurrent}).
         */
        private void connect(Term t, int target, int extraDelay) {
            NirNode p = g.nirNode(target);
            int n = g.kernel(target).outputSize();
            double dt = options.dt();
            if (isCuba(target)) {
                CubaLifCurrent[] c = new CubaLifCurrent[n];
                double[] jump = new double[n];
                Map<Double, boolean[]> byTau = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    c[i] = cubaCurrent(target, i);
                    jump[i] = c[i].jump();
                    byTau.computeIfAbsent(c[i].tauSyn(), k -> new boolean[n])[i] = true;
                }
                for (var e : byTau.entrySet()) {
                    double[] gain = new double[n];
                    for (int i = 0; i < n; i++) if (e.getValue()[i]) gain[i] = c[i].current();
                    project(t, target, gain, extraDelay, "exp_current", Map.of("tau_syn", e.getKey()));
                }
                project(t, target, jump, extraDelay, "delta", null);
                return;
            }
            double[] r = threshold(target) ? null : NodeParams.doubles(p, "r", n);
            double[] gain = new double[n];
            for (int i = 0; i < n; i++) {
                if (threshold(target)) {
                    gain[i] = 1; // the jump is the input itself, compared within the step
                } else if (!leaky(target)) {
                    gain[i] = dt * r[i];
                } else {
                    double tau = NodeParams.positive(p, "tau", n)[i];
                    gain[i] = (options.integration() == Integration.EXACT ? -Math.expm1(-dt / tau) : dt / tau) * r[i];
                }
            }
            project(t, target, gain, extraDelay, "delta", null);
        }

        /** One projection of the term's non-zero weights times {@code gain} of the target neuron (neurons with gain 0 left out). */
        private void project(Term t, int target, double[] gain, int extraDelay, String synapse, Map<String, ?> params) {
            double dt = options.dt();
            List<List<Integer>> pairs = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            List<Double> delays = new ArrayList<>();
            for (int i = 0; i < gain.length; i++) {
                if (gain[i] == 0) continue;
                for (int j = 0; j < t.cols(); j++) {
                    double w = t.weight() == null ? (i == j ? 1 : 0) : t.weight()[i * t.cols() + j];
                    if (w == 0) continue;
                    pairs.add(List.of(j, i));
                    weights.add(w * gain[i]);
                    delays.add((t.preDelay()[j] + t.postDelay()[i] + extraDelay) * dt);
                }
            }
            if (pairs.isEmpty()) return;
            net.connect(t.source(), g.name(target), synapse, params, weights, delays, Map.of("rule", "pairs", "pairs", pairs));
        }

        private static int[] zeros(int n) { return new int[n]; }

        private static double[] ones(int n) {
            double[] a = new double[n];
            java.util.Arrays.fill(a, 1);
            return a;
        }

        /** A one-to-one connection's weights: null (the identity) when every factor is 1, else the diagonal matrix. */
        private static double[] diagonal(double[] f) {
            if (java.util.Arrays.stream(f).allMatch(x -> x == 1)) return null;
            double[] w = new double[f.length * f.length];
            for (int i = 0; i < f.length; i++) w[i * f.length + i] = f[i];
            return w;
        }

    }
}
