package org.spikelane.nir.quant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.kernel.NodeKernel;
import org.spikelane.nir.kernel.NodeKernels;
import org.spikelane.nir.model.NirException;

/**
 * Precision loihi for one neuron node (LIF, CubaLIF, IF, and the readouts LI, CubaLI, I) and its Affine inputs: Lava-DL's CUBA neuron
 * at its default scale, the quantization NIR's own Lava-DL import applies (docs/nir.md,
 * "Precision loihi"):
 * <ul>
 * <li>state {@code u}, {@code v}: 24-bit integers in 1/4096 of the file's voltage unit;</li>
 * <li>decays in 4096ths: {@code du + 1 = round(4096 alpha_syn)}, {@code dv = round(4096 alpha_mem)},
 *     alpha = dt/tau (euler) or 1 - e^{-dt/tau} (exact); LIF and IF have no current
 *     ({@code du = 4095}: u is the input of the step), IF no leak ({@code dv = 0});</li>
 * <li>threshold {@code vth = int(64 v_threshold)} (toward zero), compared as {@code v > vth << 6};</li>
 * <li>weights into {@code a_in} (1/64 of the voltage unit; the kernel adds {@code a_in << 6} to u):
 *     {@code 64 W g} with the neuron's gain g ({@code alpha_syn w_in alpha_mem r}, {@code alpha_mem r},
 *     {@code dt r}, from the quantized decays), as Lava-DL's 8-bit weights (even, -256..254)
 *     scaled by a weight exponent per Affine node, {@code w = m 2^(e+1)}, m in [-128, 127], e the
 *     smallest in [0, 7] that holds the largest weight; an Affine's bias is a weight on an input
 *     that is always 1;</li>
 * <li>{@code v_leak} becomes the neuron's bias {@code dv v_leak} in 13-bit mantissa form.</li>
 * </ul>
 * Loihi resets v to 0: reset subtract, or a v_reset other than 0, is a one-line error.
 * <p>The readouts LI, CubaLI and I are mapped as Lava-DL's netx maps a layer without a spiking
 * neuron: a CUBA compartment whose threshold mantissa is {@code 2^17} ({@link #READOUT_VTH}), so
 * {@code vth << 6 = 2^23} lies above the largest v (saturated at {@code 2^23 - 1}) and it never
 * fires; its v is the node's output. Their decays and gains are those of the spiking type with the
 * same ODE: LI as LIF, CubaLI as CubaLIF, I as IF.
 */
final class LoihiMapping {
    private static final int SCALE = LoihiNeuronKernel.STATE_SCALE;
    /** {@code a_in << 6}: a_in in 1/64 of the voltage unit. */
    private static final int WEIGHT_SCALE = 64;

    /** Lava-DL netx's threshold mantissa for a layer that must not spike: {@code 1 << 17}, beyond any 24-bit v once shifted by 6. */
    static final int READOUT_VTH = 1 << 17;

    private LoihiMapping() {}

    static Mapped map(NeuronParams p, List<AffineInput> inputs, RunOptions options) {
        boolean fires = p.kind().fires;
        if (fires && options.reset() == ResetMode.SUBTRACT) {
            throw new NirException(p.label() + ": --reset subtract has no Loihi form (Loihi's LIF resets v to 0); use --reset value");
        }
        int n = p.n();
        double dt = options.dt();
        List<NodeQuantization> report = new ArrayList<>();
        int[] du = new int[n], dv = new int[n], vth = new int[n], bias = new int[n];
        double[] gain = new double[n];
        float[] currentScale = new float[n];
        NodeQuantization.Worst wu = new NodeQuantization.Worst(p.name(), "I decay");
        NodeQuantization.Worst wv = new NodeQuantization.Worst(p.name(), "v decay");
        NodeQuantization.Worst wt = new NodeQuantization.Worst(p.name(), "v_threshold");
        NodeQuantization.Worst wl = new NodeQuantization.Worst(p.name(), "v_leak");
        for (int i = 0; i < n; i++) {
            if (!fires) {
                vth[i] = READOUT_VTH;
            } else {
                if (p.vReset()[i] != 0) {
                    throw new NirException(p.label() + ": v_reset[" + i + "] = " + p.vReset()[i] + "; Loihi's LIF resets v to 0, so precision loihi needs v_reset 0");
                }
                double th = p.vThreshold()[i];
                long t = (long) (th * WEIGHT_SCALE);
                if (!(th >= 0) || t > (1 << 17)) {
                    throw new NirException(p.label() + ": v_threshold[" + i + "] = " + th + " gives vth = " + t + ", outside Loihi's [0, 2^17]");
                }
                vth[i] = (int) t;
                wt.add(th, t / (double) WEIGHT_SCALE);
            }
            if (!p.kind().leaks) {
                du[i] = 4095;
                dv[i] = 0;
            } else {
                double am = NeuronParams.fraction(p.tauMem()[i], dt, options.integration());
                dv[i] = decay(p, "tau_mem", i, am, 0);
                wv.add(am, dv[i] / (double) SCALE);
                if (p.kind().current) {
                    double as = NeuronParams.fraction(p.tauSyn()[i], dt, options.integration());
                    du[i] = decay(p, "tau_syn", i, as, 1) - 1;
                    wu.add(as, (du[i] + 1) / (double) SCALE);
                } else {
                    du[i] = 4095;
                }
            }
            double am = dv[i] / (double) SCALE;
            gain[i] = p.kind().current ? (du[i] + 1) / (double) SCALE * p.wIn()[i] * am * p.r()[i] : p.kind().leaks ? am * p.r()[i] : dt * p.r()[i];
            double rAm = am * p.r()[i];
            currentScale[i] = rAm == 0 ? 0f : (float) (1 / (SCALE * rAm));
            if (p.vLeak()[i] != 0) {
                bias[i] = LoihiLifKernel.bias((float) (dv[i] * p.vLeak()[i]));
                wl.add(p.vLeak()[i], dv[i] == 0 ? 0 : bias[i] / (double) dv[i]);
            }
        }
        if (!wu.empty()) report.add(wu.done("du + 1 = round(4096 alpha_syn), e.g. du = " + du[0]));
        if (!wv.empty()) report.add(wv.done("dv = round(4096 alpha_mem), e.g. dv = " + dv[0]));
        if (!wt.empty()) report.add(wt.done("vth = int(64 v_threshold), e.g. " + vth[0] + "; spike if v > vth << 6"));
        if (!wl.empty()) report.add(wl.done("bias = dv v_leak in 4096ths, 13-bit mantissa"));

        Map<Integer, NodeKernel> affines = new LinkedHashMap<>();
        double total = 0;
        double[] rows = new double[n];
        for (AffineInput a : inputs) {
            double largest = 0;
            for (int i = 0; i < a.out(); i++) {
                if (a.bias() != null) largest = Math.max(largest, Math.abs(a.bias()[i] * gain[i] * WEIGHT_SCALE));
                for (int j = 0; j < a.in(); j++) largest = Math.max(largest, Math.abs(a.weight()[i * a.in() + j] * gain[i] * WEIGHT_SCALE));
            }
            int e = 0;
            while (e < 7 && Math.rint(largest / Math.scalb(1.0, e + 1)) > 127) e++;
            double step = Math.scalb(1.0, e + 1);
            double[] w = new double[a.weight().length];
            double[] b = a.bias() == null ? null : new double[a.out()];
            NodeQuantization.Worst ww = new NodeQuantization.Worst(a.name(), "weight");
            NodeQuantization.Worst wb = new NodeQuantization.Worst(a.name(), "bias");
            boolean clipped = false;
            for (int i = 0; i < a.out(); i++) {
                double unit = gain[i] * WEIGHT_SCALE;
                for (int j = 0; j < a.in(); j++) {
                    int k = i * a.in() + j;
                    double m = Math.rint(a.weight()[k] * unit / step);
                    clipped |= m < -128 || m > 127;
                    w[k] = Math.max(-128, Math.min(127, m)) * step;
                    ww.add(a.weight()[k], unit == 0 ? a.weight()[k] : w[k] / unit);
                }
                if (b != null) {
                    double m = Math.rint(a.bias()[i] * unit / step);
                    clipped |= m < -128 || m > 127;
                    b[i] = Math.max(-128, Math.min(127, m)) * step;
                    wb.add(a.bias()[i], unit == 0 ? a.bias()[i] : b[i] / unit);
                }
                // a graded sum is saturated to Lava's 24-bit message, whatever its payloads
                rows[i] += a.graded() ? GradedAffineKernel.LIMIT + 1 : AffineInput.rowBound(w, b, i, a.in(), a.maxIn());
            }
            String rep = "w = m 2^(e+1), m 8 bits in [-128, 127], weight exponent e = " + e + (clipped ? "; weights beyond the range clipped" : "")
                    + (a.graded() ? "; graded input: payload round(64 x), 24 bits, a_in = floor(sum m p 2^(e+1) / 64)" : "");
            report.add(ww.done(rep));
            if (b != null) report.add(wb.done(rep));
            affines.put(a.index(), a.graded() ? graded(w, b, e, a) : NodeKernels.affine(w, b, a.out(), a.in()));
        }
        for (double r : rows) total = Math.max(total, r);
        if (total > FixedMapping.EXACT_SUM) {
            throw new NirException(p.label() + ": its a_in can reach " + total + ", above 2^24; precision loihi cannot sum its inputs exactly");
        }
        return new Mapped(new LoihiNeuronKernel(n, p.kind().current, fires, du, dv, vth, bias, currentScale), affines, report);
    }

    /** The Dense on graded spikes over the quantized weights {@code w = m 2^(e+1)} (integers held in double). */
    private static GradedAffineKernel graded(double[] w, double[] b, int e, AffineInput a) {
        double step = Math.scalb(1.0, e + 1);
        int[] m = new int[w.length];
        for (int k = 0; k < w.length; k++) m[k] = (int) (w[k] / step);
        long[] bias = new long[a.out()];
        if (b != null) for (int i = 0; i < bias.length; i++) bias[i] = (long) b[i];
        return new GradedAffineKernel(m, e + 1, bias, a.out(), a.in());
    }

    /** round(4096 alpha), which must land in [low, 4095 + low]: Loihi's decays hold 12 bits. */
    private static int decay(NeuronParams p, String tau, int i, double alpha, int low) {
        long d = Math.round(alpha * SCALE);
        if (d < low || d > 4095 + low) {
            throw new NirException(p.label() + ": " + tau + "[" + i + "] gives a decay of " + alpha + " per step, " + d
                    + "/4096, outside Loihi's 12 bits [" + low + ", " + (4095 + low) + "]/4096; change --dt");
        }
        return (int) d;
    }
}
