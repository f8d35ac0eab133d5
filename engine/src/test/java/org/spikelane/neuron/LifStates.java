package org.spikelane.neuron;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.spikelane.spi.Params;

/** Builds heterogeneous random LIF states for kernel tests. */
final class LifStates {
    private LifStates() {}

    static final double DT = 1e-4;

    /** A population whose every parameter differs per neuron, drawn from {@code seed}. */
    static LifState random(int n, long seed, boolean inclusive) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Object> p = new HashMap<>();
        p.put(LifModel.E_L, draw(r, n, -75e-3, -60e-3));
        p.put(LifModel.V_RESET, draw(r, n, -70e-3, -58e-3));
        p.put(LifModel.V_THRESHOLD, draw(r, n, -55e-3, -45e-3));
        p.put(LifModel.R, draw(r, n, 5e6, 20e6));
        p.put(LifModel.TAU_M, draw(r, n, 5e-3, 30e-3));
        p.put(LifModel.REFRACTORY, draw(r, n, 0, 5e-3));
        p.put(LifModel.V_INIT, draw(r, n, -70e-3, -50e-3));
        p.put(LifModel.THRESHOLD, inclusive ? ">=" : ">");
        return new LifState(n, DT, Params.resolve("test", LifModel.PARAMS, p, n));
    }

    /**
     * Two fused currents in V (weights meaning {@code R I}): one whose propagator every neuron
     * shares ({@code tau_syn} 5 ms, read from the first vector) and one per neuron ({@code tau_syn}
     * 10 ms with each neuron's {@code tau_m}), both from the exact propagator of {@code spi.Propagators}.
     */
    static void addFusedCurrents(LifState s) {
        double[] shared = new double[s.size], own = new double[s.size], one = new double[s.size];
        java.util.Arrays.fill(one, 1);
        java.util.Arrays.fill(shared, org.spikelane.spi.Propagators.expCurrent(DT, 20e-3, 5e-3, 1 / 20e-3));
        for (int i = 0; i < s.size; i++) own[i] = org.spikelane.spi.Propagators.expCurrent(DT, s.tauM(i), 10e-3, 1 / s.tauM(i));
        s.fusedCurrent("I_syn", org.spikelane.units.Dimension.VOLTAGE, Math.exp(-DT / 5e-3), shared, one);
        s.fusedCurrent("I_syn", org.spikelane.units.Dimension.VOLTAGE, Math.exp(-DT / 10e-3), own, one);
    }

    /**
     * A population whose neurons share E_L, v_reset, R, tau_m (10 ms) and the refractory period
     * (scalar parameters, as a scenario gives them), each with its own threshold and initial v so
     * that they do not fire in step.
     */
    static LifState shared(int n, long seed, boolean inclusive) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Object> p = new HashMap<>();
        p.put(LifModel.TAU_M, 10e-3);
        p.put(LifModel.REFRACTORY, 2e-3);
        p.put(LifModel.V_THRESHOLD, draw(r, n, -55e-3, -48e-3));
        p.put(LifModel.V_INIT, draw(r, n, -70e-3, -50e-3));
        p.put(LifModel.THRESHOLD, inclusive ? ">=" : ">");
        return new LifState(n, DT, Params.resolve("test", LifModel.PARAMS, p, n));
    }

    /**
     * {@code count} fused currents in V whose propagators every neuron shares (tau_syn 5, 10,
     * 3 ms, ... with the population's tau_m of neuron 0), as CUBA's two synapse types make them.
     */
    static void addSharedFusedCurrents(LifState s, int count) {
        double[] one = new double[s.size];
        java.util.Arrays.fill(one, 1);
        double[] tauSyn = {5e-3, 10e-3, 3e-3, 7e-3};
        for (int c = 0; c < count; c++) {
            double[] p21 = new double[s.size];
            java.util.Arrays.fill(p21, org.spikelane.spi.Propagators.expCurrent(DT, s.tauM(0), tauSyn[c], 1 / s.tauM(0)));
            s.fusedCurrent("I_syn", org.spikelane.units.Dimension.VOLTAGE, Math.exp(-DT / tauSyn[c]), p21, one);
        }
    }

    /**
     * A constant input current folded into the kernel (bias-like, 0.5-2.5 nA): one value for all
     * neurons (read from the first vector), or one per neuron.
     */
    static void addConstantCurrent(LifState s, boolean perNeuron) {
        org.spikelane.spi.ConstantCurrent c = s.addConstantCurrent();
        for (int i = 0; i < s.size; i++) c.values()[i] = perNeuron ? 0.5e-9f + 2e-9f * i / s.size : 1.2e-9f;
        c.changed(0, s.size);
    }

    /** Arrivals into the fused currents: about one neuron in 40 gets a kick of either sign each step. */
    static void kickFusedCurrents(LifState s, SplittableRandom r) {
        for (int c = 0; c < s.fused.count(); c++) {
            for (int i = 0; i < s.size; i++) {
                if (r.nextInt(40) == 0) s.fused.state[c][i] += (float) ((r.nextDouble() - 0.3) * 8e-3);
            }
        }
    }

    /**
     * {@code count} fused exponential conductances in the pattern of COBA and a GABA synapse:
     * 5 ms at 0 mV, 10 ms at -80 mV, 8 ms at -75 mV, in that order.
     */
    static void addFusedConductances(LifState s, int count) {
        double[][] channels = {{5e-3, 0}, {10e-3, -80e-3}, {8e-3, -75e-3}};
        for (int c = 0; c < count; c++) s.fusedConductance(Math.exp(-DT / channels[c][0]), channels[c][1]);
    }

    /**
     * Two fused alpha currents in V (weights meaning {@code R I}): {@code tau_syn} 2 ms with a
     * propagator every neuron shares (tau_m 20 ms), and 6 ms with each neuron's {@code tau_m}.
     */
    static void addAlphaCurrents(LifState s) {
        double[] sharedI = new double[s.size], sharedX = new double[s.size], ownI = new double[s.size], ownX = new double[s.size];
        double[] one = new double[s.size];
        java.util.Arrays.fill(one, 1);
        java.util.Arrays.fill(sharedI, org.spikelane.spi.Propagators.expCurrent(DT, 20e-3, 2e-3, 1 / 20e-3));
        java.util.Arrays.fill(sharedX, org.spikelane.spi.Propagators.alphaRamp(DT, 20e-3, 2e-3, 1 / 20e-3));
        for (int i = 0; i < s.size; i++) {
            ownI[i] = org.spikelane.spi.Propagators.expCurrent(DT, s.tauM(i), 6e-3, 1 / s.tauM(i));
            ownX[i] = org.spikelane.spi.Propagators.alphaRamp(DT, s.tauM(i), 6e-3, 1 / s.tauM(i));
        }
        s.fusedAlphaCurrent("I_syn", org.spikelane.units.Dimension.VOLTAGE, Math.exp(-DT / 2e-3), sharedI, sharedX, one);
        s.fusedAlphaCurrent("I_syn", org.spikelane.units.Dimension.VOLTAGE, Math.exp(-DT / 6e-3), ownI, ownX, one);
    }

    /** Arrivals: about one neuron in 40 gets a conductance kick of 0-20 nS per channel, and an alpha ramp kick of either sign. */
    static void kickConductancesAndAlphas(LifState s, SplittableRandom r) {
        for (int c = 0; c < s.conductances.count(); c++) {
            for (int i = 0; i < s.size; i++) {
                if (r.nextInt(40) == 0) s.conductances.state[c][i] += (float) (r.nextDouble() * 20e-9);
            }
        }
        for (int c = 0; c < s.alphas.count(); c++) {
            for (int i = 0; i < s.size; i++) {
                if (r.nextInt(40) == 0) s.alphas.ramp[c][i] += (float) ((r.nextDouble() - 0.3) * 4);
            }
        }
    }

    private static double[] draw(SplittableRandom r, int n, double lo, double hi) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = lo + (hi - lo) * r.nextDouble();
        return out;
    }
}
