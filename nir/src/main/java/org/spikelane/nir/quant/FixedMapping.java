package org.spikelane.nir.quant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.kernel.NodeKernel;
import org.spikelane.nir.kernel.NodeKernels;
import org.spikelane.nir.model.NirException;

/**
 * Precision fixed for one neuron node and its Affine inputs (docs/nir.md, "Precision fixed"):
 * <ul>
 * <li>{@code LSB_v} is the power of two at which four times the node's largest voltage
 *     ({@code |v_leak| +} the largest one-step drive, {@code |v_threshold|}, {@code |v_reset|})
 *     fits in 27 bits, the engine's rule for a fixed population;</li>
 * <li>weights and biases are scaled by the neuron's gain ({@code r}; {@code r w_in} for the
 *     current-based types; {@code dt r} for IF and I) and rounded to integers in units of
 *     {@code LSB_v 2^shift}, with the smallest shift that keeps every sum below 2^24, so that the
 *     Affine's float sums of spikes are exact;</li>
 * <li>{@code v_leak}, {@code v_threshold}, {@code v_reset} round to LSB_v; each decay becomes a
 *     Q16 multiplier: {@code 1 - dt/tau} (euler) or {@code e^{-dt/tau}} (exact), and CubaLIF's exact
 *     cross term {@code k} likewise.</li>
 * </ul>
 */
final class FixedMapping {
    private static final int Q = 1 << FixedNeuronKernel.PROFILE.decayBits();
    /** Affine sums stay below this, so a float holds them exactly. */
    static final double EXACT_SUM = (1 << 24) - 1;

    private FixedMapping() {}

    static Mapped map(NeuronParams p, List<AffineInput> inputs, RunOptions options) {
        int n = p.n();
        double dt = options.dt();
        double[] gain = new double[n];
        for (int i = 0; i < n; i++) {
            gain[i] = switch (p.kind()) {
                case LIF, LI -> p.r()[i];
                case CUBA_LIF, CUBA_LI -> p.r()[i] * p.wIn()[i];
                case IF, I -> dt * p.r()[i];
            };
        }
        double base = 0;
        for (int i = 0; i < n; i++) {
            double drive = 0;
            for (AffineInput a : inputs) drive += AffineInput.rowBound(a.weight(), a.bias(), i, a.in(), a.maxIn()) * Math.abs(gain[i]);
            base = Math.max(base, Math.abs(p.vLeak()[i]) + drive);
            if (p.kind().fires) base = Math.max(base, Math.max(Math.abs(p.vThreshold()[i]), Math.abs(p.vReset()[i])));
        }
        int lsbExp = base == 0 ? -24 : (int) Math.ceil(Math.log(4 * base / FixedNeuronKernel.PROFILE.voltageLimit()) / Math.log(2));
        double lsbV = Math.scalb(1.0, lsbExp);

        List<NodeQuantization> report = new ArrayList<>();
        report.add(new NodeQuantization(p.name(), "LSB_v", lsbV, lsbV, 0, "2^" + lsbExp + "; v in 28 bits, r I in 30 bits"));
        Map<Integer, NodeKernel> affines = new LinkedHashMap<>();
        int shift = shift(inputs, gain, lsbV, p);
        double unit = Math.scalb(lsbV, shift);
        for (AffineInput a : inputs) {
            double[] w = new double[a.weight().length];
            double[] b = a.bias() == null ? null : new double[a.out()];
            NodeQuantization.Worst ww = new NodeQuantization.Worst(a.name(), "weight");
            NodeQuantization.Worst wb = new NodeQuantization.Worst(a.name(), "bias");
            for (int i = 0; i < a.out(); i++) {
                for (int j = 0; j < a.in(); j++) {
                    int k = i * a.in() + j;
                    w[k] = Math.rint(a.weight()[k] * gain[i] / unit);
                    ww.add(a.weight()[k], gain[i] == 0 ? a.weight()[k] : w[k] * unit / gain[i]);
                }
                if (b != null) {
                    b[i] = Math.rint(a.bias()[i] * gain[i] / unit);
                    wb.add(a.bias()[i], gain[i] == 0 ? a.bias()[i] : b[i] * unit / gain[i]);
                }
            }
            String rep = "integers in units of LSB_v 2^" + shift + " / gain of '" + p.name() + "'";
            report.add(ww.done(rep));
            if (b != null) report.add(wb.done(rep));
            affines.put(a.index(), NodeKernels.affine(w, b, a.out(), a.in()));
        }

        int[] rest = p.kind().leaks ? quantized(p.name(), "v_leak", p.vLeak(), lsbV, report) : new int[n];
        int[] threshold = p.kind().fires ? quantized(p.name(), "v_threshold", p.vThreshold(), lsbV, report) : null;
        int[] reset = p.kind().fires ? quantized(p.name(), "v_reset", p.vReset(), lsbV, report) : null;
        boolean exact = options.integration() == Integration.EXACT;
        int[] dm = p.kind().leaks ? multipliers(p, "v decay", p.tauMem(), dt, exact, report) : null;
        int[] ds = p.kind().current ? multipliers(p, "I decay", p.tauSyn(), dt, exact, report) : null;
        int[] cross = null;
        if (p.kind().current && exact) {
            cross = new int[n];
            NodeQuantization.Worst wc = new NodeQuantization.Worst(p.name(), "I to v (exact k)");
            for (int i = 0; i < n; i++) {
                double ts = p.tauSyn()[i], tm = p.tauMem()[i];
                double es = Math.exp(-dt / ts), em = Math.exp(-dt / tm);
                double k = Math.abs(ts - tm) <= 1e-12 * tm ? dt / tm * em : ts / (ts - tm) * (es - em);
                cross[i] = (int) Math.round(k * Q);
                wc.add(k, cross[i] / (double) Q);
            }
            report.add(wc.done("Q16"));
        }
        float[] currentScale = new float[n];
        for (int i = 0; i < n; i++) currentScale[i] = p.r()[i] == 0 ? 0f : (float) (lsbV / p.r()[i]);
        NodeKernel neuron = new FixedNeuronKernel(n, p.kind(), exact, options.reset() == ResetMode.SUBTRACT, shift, lsbV, rest,
                threshold, reset, dm, ds, cross, currentScale, org.spikelane.simd.Simd.useVectorKernels());
        return new Mapped(neuron, affines, report);
    }

    /** The smallest shift at which every neuron's largest possible input sum stays exact in float. */
    private static int shift(List<AffineInput> inputs, double[] gain, double lsbV, NeuronParams p) {
        for (int shift = 0; shift < 30; shift++) {
            double unit = Math.scalb(lsbV, shift);
            double worst = 0;
            for (int i = 0; i < p.n(); i++) {
                double sum = 0;
                for (AffineInput a : inputs) {
                    sum += a.bias() == null ? 0 : Math.abs(Math.rint(a.bias()[i] * gain[i] / unit));
                    for (int j = 0; j < a.in(); j++) sum += Math.abs(Math.rint(a.weight()[i * a.in() + j] * gain[i] / unit)) * a.maxIn();
                }
                worst = Math.max(worst, sum);
            }
            if (worst <= EXACT_SUM) return shift;
        }
        throw new NirException(p.label() + ": its inputs' weights span more than 2^54 of LSB_v; precision fixed cannot hold them");
    }

    private static int[] quantized(String node, String name, double[] values, double lsb, List<NodeQuantization> report) {
        int[] q = new int[values.length];
        NodeQuantization.Worst w = new NodeQuantization.Worst(node, name);
        long limit = FixedNeuronKernel.PROFILE.voltageLimit();
        for (int i = 0; i < values.length; i++) {
            long r = Math.round(values[i] / lsb);
            if (Math.abs(r) > limit) throw new NirException("node '" + node + "': " + name + "[" + i + "] = " + values[i] + " is outside the 28-bit range of LSB_v = " + lsb);
            q[i] = (int) r;
            w.add(values[i], q[i] * lsb);
        }
        report.add(w.done("integer in LSB_v"));
        return q;
    }

    /** Q16 multipliers of the decay per step: 1 - dt/tau (euler) or e^{-dt/tau} (exact). */
    private static int[] multipliers(NeuronParams p, String name, double[] tau, double dt, boolean exact, List<NodeQuantization> report) {
        int[] m = new int[p.n()];
        NodeQuantization.Worst w = new NodeQuantization.Worst(p.name(), name);
        for (int i = 0; i < p.n(); i++) {
            double d = exact ? Math.exp(-dt / tau[i]) : 1 - dt / tau[i];
            if (d < -1) {
                throw new NirException(p.label() + ": dt/tau = " + dt / tau[i] + " (neuron " + i + ") is above 2, where the Euler step diverges; "
                        + "precision fixed holds decays in [-1, 1] (use --integration exact or a smaller --dt)");
            }
            m[i] = (int) Math.round(d * Q);
            w.add(d, m[i] / (double) Q);
        }
        report.add(w.done("Q16 multiplier per step, e.g. " + m[0]));
        return m;
    }
}
