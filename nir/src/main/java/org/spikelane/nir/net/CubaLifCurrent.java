package org.spikelane.nir.net;

import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.model.NirException;
import org.spikelane.spi.Propagators;

/**
 * How one CubaLIF (or CubaLI, the same without firing) neuron becomes an engine LIF neuron
 * ({@code R = 1}, {@code E_L = v_leak}) fed by the engine's {@code exp_current} (and, under
 * exact, also {@code delta}): the two linear
 * recurrences are made the same by choosing the engine's time constants and weights. NIR's input
 * {@code x_n} of step n reaches the engine as a spike delivered at the end of the engine step
 * before the one that plays NIR step n's current ({@link #lag}). Engine: {@code J} the fused
 * current, {@code P11}, {@code P21} its propagators (docs/semantics.md §10), {@code e} the decay.
 *
 * <p><b>euler</b> (lag 0). NIR: {@code I' = (1 - a_s) I + a_s w_in x},
 * {@code v' = (1 - a_m) v + a_m v_leak + a_m r I} (the I from before the step),
 * {@code a_s = dt/tau_syn}, {@code a_m = dt/tau_mem}. Engine: {@code v' = E_L + (v - E_L) e + P21 J},
 * then {@code J' = P11 J + w s}. With {@code tau_m = -dt/ln(1 - a_m)} ({@code e = 1 - a_m}),
 * {@code tau_syn = -dt/ln(1 - a_s)} ({@code P11 = 1 - a_s}) and {@code J = c I},
 * {@code c = a_m r / P21}, the v steps agree term by term, and the J step is NIR's I step times c
 * when each input spike adds {@code w = c a_s w_in} (times the Affine's W). The input enters I in
 * the step it arrives and v one step later in both, so a CubaLIF layer adds no step shift.
 *
 * <p><b>exact</b> (lag 1). NIR, x held over the step:
 * {@code v' = v_leak + (v - v_leak) e_m + r k I + r w_in x (1 - e_m - k)},
 * {@code I' = e_s I + (1 - e_s) w_in x} ({@code k} as in the executor's CubaLIF kernel). The
 * engine's J already holds x's jump when v steps: with {@code J = c I'},
 * {@code P21 J = P21 c e_s I + P21 c (1 - e_s) w_in x}; {@code c = r k / (P21 e_s)} gives the
 * {@code r k I} term, and a {@code delta} weight {@code r w_in (1 - e_m - k/e_s)} per unit of x
 * gives the rest. Here the engine sees x one step after NIR, as for LIF: one step of shift.
 *
 * @param tauM    the engine population's {@code tau_m}
 * @param tauSyn  the {@code exp_current} projection's {@code tau_syn}
 * @param current the {@code exp_current} weight per unit of NIR input x
 * @param jump    the {@code delta} weight per unit of x (0 under euler)
 */
record CubaLifCurrent(double tauM, double tauSyn, double current, double jump) {

    /** Steps between NIR's step and the engine's for the same input: 0 under euler, 1 under exact. */
    static int lag(Integration integration) { return integration == Integration.EXACT ? 1 : 0; }

    /** @param node names the node in errors, e.g. {@code node 'lif2' (CubaLI)} */
    static CubaLifCurrent of(double tauMem, double tauSyn, double r, double wIn, double dt, Integration integration, String node, int neuron) {
        if (integration == Integration.EXACT) {
            double es = Math.exp(-dt / tauSyn);
            double em = Math.exp(-dt / tauMem);
            double k = Math.abs(tauSyn - tauMem) <= 1e-12 * tauMem ? dt / tauMem * em : tauSyn / (tauSyn - tauMem) * (es - em);
            double p21 = Propagators.expCurrent(dt, tauMem, tauSyn, 1 / tauMem);
            double c = r * k / (p21 * es);
            return new CubaLifCurrent(tauMem, tauSyn, c * (1 - es) * wIn, r * wIn * (1 - em - k / es));
        }
        double as = dt / tauSyn;
        double am = dt / tauMem;
        if (!(as < 1 && am < 1)) {
            throw new NirException(node + ": dt/tau_syn = " + as + ", dt/tau_mem = " + am + " (neuron " + neuron
                    + "); the Network needs euler's decays 1 - dt/tau above 0");
        }
        double engineTauM = -dt / Math.log1p(-am);
        double engineTauSyn = -dt / Math.log1p(-as);
        double p21 = Propagators.expCurrent(dt, engineTauM, engineTauSyn, 1 / engineTauM);
        double c = am * r / p21;
        return new CubaLifCurrent(engineTauM, engineTauSyn, c * as * wIn, 0);
    }
}
