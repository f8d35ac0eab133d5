package org.spikelane.nir.quant;

import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.kernel.NodeParams;
import org.spikelane.nir.model.NirNode;

/**
 * The parameters of one neuron node (LIF, CubaLIF, CubaLI, LI, IF, I) as per-neuron doubles, for
 * the quantized precisions; absent ones are null ({@code tauSyn} and {@code wIn} outside the
 * current-based types, {@code vThreshold} and {@code vReset} for the readouts, ...).
 */
record NeuronParams(String name, Kind kind, int n, double[] tauSyn, double[] tauMem, double[] r, double[] vLeak,
                    double[] vThreshold, double[] vReset, double[] wIn) {

    enum Kind {
        LIF(true, true, false), CUBA_LIF(true, true, true), CUBA_LI(false, true, true), LI(false, true, false),
        IF(true, false, false), I(false, false, false);

        final boolean fires;
        final boolean leaks;
        final boolean current;

        Kind(boolean fires, boolean leaks, boolean current) {
            this.fires = fires;
            this.leaks = leaks;
            this.current = current;
        }

        static Kind of(String type) {
            return switch (type) {
                case "LIF" -> LIF;
                case "CubaLIF" -> CUBA_LIF;
                case "CubaLI" -> CUBA_LI;
                case "LI" -> LI;
                case "IF" -> IF;
                case "I" -> I;
                default -> null;
            };
        }
    }

    static NeuronParams of(NirNode node, int n) {
        Kind kind = Kind.of(node.type());
        double[] tauMem = switch (kind) {
            case LIF, LI -> NodeParams.positive(node, "tau", n);
            case CUBA_LIF, CUBA_LI -> NodeParams.positive(node, "tau_mem", n);
            default -> null;
        };
        double[] tauSyn = kind.current ? NodeParams.positive(node, "tau_syn", n) : null;
        double[] vLeak = kind.leaks ? NodeParams.doubles(node, "v_leak", n) : new double[n];
        double[] vTh = kind.fires ? NodeParams.doubles(node, "v_threshold", n) : null;
        double[] vReset = kind.fires ? NodeParams.doublesOr(node, "v_reset", n, 0) : null;
        double[] wIn = kind.current ? NodeParams.doublesOr(node, "w_in", n, 1) : null;
        return new NeuronParams(node.name(), kind, n, tauSyn, tauMem, NodeParams.doubles(node, "r", n), vLeak, vTh, vReset, wIn);
    }

    /**
     * The fraction of the distance to the target a variable with time constant {@code tau} covers
     * in one step: {@code dt/tau} (euler), {@code 1 - e^{-dt/tau}} (exact).
     */
    static double fraction(double tau, double dt, Integration integration) {
        return integration == Integration.EXACT ? -Math.expm1(-dt / tau) : dt / tau;
    }

    String label() { return "node '" + name + "' (" + switch (kind) {
        case LIF -> "LIF";
        case CUBA_LIF -> "CubaLIF";
        case CUBA_LI -> "CubaLI";
        case LI -> "LI";
        case IF -> "IF";
        case I -> "I";
    } + ")"; }
}
