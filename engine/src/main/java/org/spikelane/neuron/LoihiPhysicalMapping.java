package org.spikelane.neuron;

import java.util.ArrayList;
import java.util.List;
import org.spikelane.fixed.Quantization;
import org.spikelane.net.SynapseTable;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseKinetics;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * Physical LIF parameters on Loihi's integer LIF ({@code precision: loihi} without raw
 * parameters), quantized once at build time. The integer state is {@code x = (v - E_L) / LSB_v}:
 * <ul>
 *   <li>{@code LSB_v = D / 2^22} with {@code D} the largest {@code v_threshold - E_L} (or
 *       {@code |v_init - E_L|}) of the population, so that neuron's threshold is exactly
 *       {@code vth << 6} with {@code vth = 2^16} and the 24-bit range covers {@code E_L +- 2 D}
 *       (finer than {@code +- 4 D}: u, the synaptic drive per step, has a granularity of 64 LSB);</li>
 *   <li>{@code dv = round(4096 (1 - e^{-dt/tau_m}))} per neuron (Loihi's {@code dv} array);</li>
 *   <li>an input current {@code I} becomes the bias {@code (dv / 4096) R I / LSB_v} each step, so
 *       the fixed point is {@code E_L + R I} for the effective {@code tau_m};</li>
 *   <li>synapses: {@code u} is the per-step voltage drive; {@code exp_current} sets
 *       {@code du + 1 = round(4096 (1 - e^{-dt/tau_syn}))} and a weight becomes
 *       {@code a_in = round(P21 w / (64 LSB_v))}, where {@code P21} is the exact one-step effect
 *       on {@code v} of a unit exponential current for the effective time constants; {@code delta}
 *       sets {@code du = 4095} (u forgets each step) and {@code a_in = round(w / (64 LSB_v))}.</li>
 * </ul>
 */
public final class LoihiPhysicalMapping implements StateOwner {
    /** {@code vth} of the neuron with the largest threshold distance. */
    public static final int TOP_VTH = 1 << 16;
    private static final int UNITY = 1 << LoihiLifState.DECAY_BITS;

    private final String population;
    private final int size;
    private final double dt;
    private final double lsb;
    private final double[] restingPotential;
    private final double[] resistance;
    private final double[] tauEff;
    private final LoihiLifState state;
    private final List<Quantization> report = new ArrayList<>();
    /** Name of the plugin whose synapse u plays, once a projection targets the population; its owner and time constant. */
    private String synapse;
    private String synapseOwner;
    private double tauSyn;

    /** @param p physical LIF parameters, checked by {@link LoihiLifModel#resolve} */
    public LoihiPhysicalMapping(String population, int size, double dt, Params p) {
        this.population = population;
        this.size = size;
        this.dt = dt;
        restingPotential = p.perNeuron(LifModel.E_L, size);
        double[] vt = p.perNeuron(LifModel.V_THRESHOLD, size);
        double[] tau = p.perNeuron(LifModel.TAU_M, size);
        double[] v0 = p.given(LifModel.V_INIT) ? p.perNeuron(LifModel.V_INIT, size) : restingPotential.clone();
        if (p.given(LifModel.C)) {
            double[] c = p.perNeuron(LifModel.C, size);
            resistance = new double[size];
            for (int i = 0; i < size; i++) resistance[i] = tau[i] / c[i];
        } else {
            resistance = p.perNeuron(LifModel.R, size);
        }
        double range = 0;
        for (int i = 0; i < size; i++) {
            range = Math.max(range, Math.max(vt[i] - restingPotential[i], Math.abs(v0[i] - restingPotential[i])));
        }
        if (range == 0) range = 1e-3; // every threshold at E_L: any resolution will do
        lsb = range / (TOP_VTH << LoihiLifState.SHIFT);
        state = new LoihiLifState(size);
        state.inputScale = new float[state.padded];
        state.inputCurrent = new float[state.padded];
        tauEff = new double[size];
        Worst tauWorst = new Worst("tau_m"), vthWorst = new Worst("v_threshold");
        double coarsestInput = 0;
        for (int i = 0; i < size; i++) {
            int dv = decayMantissa(p, LifModel.TAU_M, tau[i], i);
            if (dv > UNITY - 1) {
                throw p.error(LifModel.TAU_M, "must be at least " + time(dt / Math.log(2.0 * UNITY)) + " at dt = " + time(dt)
                        + " under precision loihi (dv = round(4096 (1 - e^{-dt/tau_m})) must be <= 4095), got " + time(tau[i]));
            }
            tauEff[i] = -dt / Math.log1p(-(double) dv / UNITY);
            int vth = (int) Math.round((vt[i] - restingPotential[i]) / (lsb * (1 << LoihiLifState.SHIFT)));
            state.set(i, UNITY - 1, dv, vth, 0, 0);
            state.v[i] = (int) Math.round((v0[i] - restingPotential[i]) / lsb);
            state.inputScale[i] = (float) ((double) dv / UNITY * resistance[i] / lsb);
            coarsestInput = Math.max(coarsestInput, 1 / (double) state.inputScale[i]);
            tauWorst.offer(tau[i], tauEff[i]);
            vthWorst.offer(vt[i], restingPotential[i] + vth * (double) (1 << LoihiLifState.SHIFT) * lsb);
        }
        report.add(Quantization.of(population, "LSB_v", lsb, lsb));
        report.add(tauWorst.result());
        report.add(vthWorst.result());
        // one bias unit in amperes (finer drives need no mantissa shift; above 4095 units the bias loses low bits)
        report.add(Quantization.of(population, "I_LSB", coarsestInput, coarsestInput));
    }

    /** {@code round(4096 (1 - e^{-dt/tau}))}; a time constant too long for 12 bits is an error. */
    private int decayMantissa(Params p, String param, double tau, int neuron) {
        long d = Math.round(-Math.expm1(-dt / tau) * UNITY);
        if (d < 1) {
            double longest = -dt / Math.log1p(-0.5 / UNITY);
            throw p.error(param, "must be at most " + time(longest) + " at dt = " + time(dt) + " under precision loihi ("
                    + "round(4096 (1 - e^{-dt/" + param + "})) is 0: no decay), got " + time(tau)
                    + (size > 1 ? " (neuron " + neuron + ")" : ""));
        }
        return (int) d;
    }

    public LoihiLifState state() { return state; }

    /** The state's LSB in volts. */
    public double voltageLsb() { return lsb; }

    /** The effective membrane time constant of neuron {@code i} (from its {@code dv}). */
    public double effectiveTauM(int i) { return tauEff[i]; }

    /** {@code v} of neuron {@code i} in volts. */
    public double volts(int i) { return restingPotential[i] + state.v[i] * lsb; }

    /** Requested and effective value of each quantized parameter (worst neuron, worst synapse). */
    public List<Quantization> report() { return List.copyOf(report); }

    /**
     * Binds a projection's synapse to the neurons' {@code u}, sets {@code du}, and returns per
     * target neuron the factor from a weight (A, or V meaning {@code R I}; V for delta) to units
     * of {@code u}. All projections into one population share {@code u}: one {@code tau_syn}, and
     * no mix of delta and exp_current.
     *
     * @param kinetics what the plugin declared: a decaying current or a voltage jump
     * @param tauSyn   the decaying current's time constant (ignored for a voltage jump)
     */
    public double[] bindSynapse(String owner, String plugin, SynapseKinetics kinetics, double tauSyn, Dimension weight) {
        boolean exp = kinetics instanceof SynapseKinetics.ExponentialCurrent;
        String tauName = exp ? ((SynapseKinetics.ExponentialCurrent) kinetics).timeConstant() : null;
        if (synapse != null && !synapse.equals(plugin)) {
            throw new ParameterException(owner, "synapse", "'" + plugin + "' cannot share population '" + population
                    + "' with '" + synapse + "' of " + synapseOwner + " under precision loihi (one current u per neuron)");
        }
        if (exp && synapse != null && tauSyn != this.tauSyn) {
            throw new ParameterException(owner + " synapse '" + plugin + "'", tauName, "must equal the " + time(this.tauSyn)
                    + " of " + synapseOwner + " under precision loihi (one du per population), got " + time(tauSyn));
        }
        double[] factor = new double[size];
        if (!exp) {
            setDu(UNITY - 1);
            java.util.Arrays.fill(factor, 1 / lsb);
        } else {
            long d = Math.round(-Math.expm1(-dt / tauSyn) * UNITY);
            if (d < 1) {
                throw new ParameterException(owner + " synapse '" + plugin + "'", tauName, "must be at most "
                        + time(-dt / Math.log1p(-0.5 / UNITY)) + " at dt = " + time(dt) + " under precision loihi "
                        + "(du + 1 = round(4096 (1 - e^{-dt/" + tauName + "})) is 0), got " + time(tauSyn));
            }
            setDu((int) d - 1);
            double tauSynEff = -dt / Math.log1p(-(double) d / UNITY);
            if (synapse == null) report.add(Quantization.of(population, "tau_syn", tauSyn, tauSynEff));
            for (int i = 0; i < size; i++) {
                double scale = weight == Dimension.VOLTAGE ? 1 / tauEff[i] : resistance[i] / tauEff[i];
                factor[i] = propagator(dt, tauEff[i], tauSynEff, scale) / lsb;
            }
        }
        if (synapse == null) {
            synapse = plugin;
            synapseOwner = owner;
            this.tauSyn = tauSyn;
        }
        return factor;
    }

    private void setDu(int du) {
        for (int i = 0; i < size; i++) state.uMultiplier[i] = UNITY - (du + 1);
    }

    /**
     * Change of {@code v} over one step caused by an exponential current of value 1 at the step's
     * start, {@code scale int_0^h e^{-(h-s)/tau_m} e^{-s/tau_s} ds}, written with expm1 so that
     * {@code tau_s} close to {@code tau_m} loses no precision.
     */
    static double propagator(double h, double tauM, double tauS, double scale) {
        double a = 1 / tauS - 1 / tauM;
        double integral = Math.abs(a * h) < 1e-12 ? h : -Math.expm1(-a * h) / a;
        return scale * Math.exp(-h / tauM) * integral;
    }

    /**
     * The integer weights ({@code a_in}) of a projection's synapses, from its SI weights and the
     * factors of {@link #bindSynapse}; the worst relative error goes into the report.
     */
    public int[] integerWeights(String owner, SynapseTable table, double[] factor) {
        float[] w = table.weights();
        int[] targets = table.targets();
        int[] out = new int[w.length];
        Worst worst = new Worst("weight (" + owner + ")");
        for (int k = 0; k < w.length; k++) {
            double units = w[k] * factor[targets[k]] / (1 << LoihiLifState.SHIFT);
            long a = Math.round(units);
            if (Math.abs(a) > org.spikelane.fixed.LoihiSynapse.MAX_WEIGHT) {
                throw new ParameterException(owner, "weight", w[k] + " (SI) maps to a_in = " + a + ", beyond Loihi's 16-bit a_in "
                        + "(|a_in| <= " + org.spikelane.fixed.LoihiSynapse.MAX_WEIGHT + ") under precision loihi");
            }
            out[k] = (int) a;
            worst.offer(w[k], a == units ? w[k] : a * (1 << LoihiLifState.SHIFT) / factor[targets[k]]);
        }
        if (w.length > 0) report.add(worst.result());
        return out;
    }

    private static String time(double s) { return Units.format(s, Dimension.TIME); }

    /** The entry with the largest relative error among the neurons (or synapses) offered. */
    private final class Worst {
        private final String parameter;
        private Quantization worst;

        Worst(String parameter) { this.parameter = parameter; }

        void offer(double requested, double effective) {
            Quantization q = Quantization.of(population, parameter, requested, effective);
            if (worst == null || q.relativeError() > worst.relativeError()) worst = q;
        }

        Quantization result() { return worst; }
    }

    /** The double constants the mapping converts with (recorded v, integer weights). */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("loihi.physical.restingPotential", Role.PARAMETER, "V", restingPotential);
        s.array("loihi.physical.resistance", Role.PARAMETER, "ohm", resistance);
        s.array("loihi.physical.tauEff", Role.PARAMETER, "s", tauEff);
    }
}
