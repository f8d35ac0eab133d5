package org.spikelane.neuron;

import java.util.List;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Range;
import org.spikelane.units.Dimension;

/**
 * Raw hardware parameters of a LIF population under {@code precision: loihi}, with the bit
 * widths of Lava's {@code PyLifModelBitAcc} ({@code du}, {@code dv}: 12 bits; {@code bias_mant}:
 * 13 bits signed; {@code bias_exp}: 3 bits; {@code vth}: 17 bits). Every one is an integer, one
 * value or one per neuron.
 */
public final class LoihiLifModel {
    private LoihiLifModel() {}

    public static final String DU = "du";
    public static final String DV = "dv";
    public static final String VTH = "vth";
    public static final String BIAS_MANT = "bias_mant";
    public static final String BIAS_EXP = "bias_exp";

    public static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.perNeuron(DU, Dimension.DIMENSIONLESS, 0.0, Range.closed(0, 4095),
                    "current decay, 12 bits: u <- u (4096 - (du + 1)) / 4096"),
            ParamSpec.perNeuron(DV, Dimension.DIMENSIONLESS, 0.0, Range.closed(0, 4095),
                    "voltage decay, 12 bits: v <- v (4096 - dv) / 4096"),
            ParamSpec.perNeuron(VTH, Dimension.DIMENSIONLESS, 10.0, Range.closed(0, 1 << 17),
                    "threshold mantissa: spike if v > vth << 6"),
            ParamSpec.perNeuron(BIAS_MANT, Dimension.DIMENSIONLESS, 0.0, Range.closed(-4096, 4095),
                    "bias mantissa, 13 bits signed: v gains bias_mant << bias_exp each step"),
            ParamSpec.perNeuron(BIAS_EXP, Dimension.DIMENSIONLESS, 0.0, Range.closed(0, 7), "bias exponent, 3 bits"));

    /**
     * Whether {@code raw} asks for the physical mapping ({@link LoihiPhysicalMapping}): it names
     * LIF parameters ({@code tau_m}, {@code E_L}, ...) and none of the raw hardware ones. No
     * parameters at all means the raw defaults.
     */
    public static boolean isPhysical(java.util.Map<String, ?> raw) {
        boolean physical = false;
        for (String key : raw.keySet()) {
            if (PARAMS.stream().anyMatch(s -> s.name().equals(key))) return false;
            if (LifModel.PARAMS.stream().anyMatch(s -> s.name().equals(key))) physical = true;
        }
        return physical;
    }

    /**
     * Resolves and checks the parameters of a loihi population: raw hardware integers, or (see
     * {@link #isPhysical}) physical LIF parameters checked for what Loihi can represent (no
     * refractory period, {@code v_reset = E_L}, threshold {@code >}, {@code v_threshold >= E_L});
     * mixing both kinds is a one-line error.
     */
    public static Params resolve(String owner, java.util.Map<String, ?> raw, int size,
                                 org.spikelane.random.RandomStream random) {
        if (isPhysical(raw)) {
            return checkedPhysical(LifModel.checked(Params.resolve(owner, LifModel.PARAMS, raw, size, random)), size);
        }
        for (String key : raw.keySet()) {
            if (LifModel.PARAMS.stream().anyMatch(s -> s.name().equals(key))) {
                throw new org.spikelane.spi.ParameterException(owner, key, "is a physical parameter; precision loihi takes "
                        + "either physical LIF parameters or the raw hardware parameters du, dv, vth, bias_mant, bias_exp, not both");
            }
        }
        Params p = Params.resolve(owner, PARAMS, raw, size, random);
        for (ParamSpec spec : PARAMS) {
            for (double x : p.perNeuron(spec.name(), size)) {
                if (x != Math.rint(x)) throw p.error(spec.name(), "must be an integer, got " + x);
            }
        }
        return p;
    }

    /** The physical LIF parameters Loihi's integer LIF cannot represent, as one-line errors. */
    static Params checkedPhysical(Params p, int size) {
        String or = "; or give the raw hardware parameters du, dv, vth, bias_mant, bias_exp";
        double[] ref = p.perNeuron(LifModel.REFRACTORY, size);
        for (double r : ref) {
            if (r != 0) {
                throw p.error(LifModel.REFRACTORY, "must be 0 under precision loihi (Loihi's LIF has no refractory period), got "
                        + org.spikelane.units.Units.format(r, Dimension.TIME) + (p.given(LifModel.REFRACTORY) ? "" : " (the default)") + or);
            }
        }
        double[] el = p.perNeuron(LifModel.E_L, size), vr = p.perNeuron(LifModel.V_RESET, size);
        double[] vt = p.perNeuron(LifModel.V_THRESHOLD, size);
        for (int i = 0; i < size; i++) {
            if (vr[i] != el[i]) {
                throw p.error(LifModel.V_RESET, "must equal E_L under precision loihi (Loihi resets v to 0, i.e. to E_L), got v_reset "
                        + volts(vr[i]) + " and E_L " + volts(el[i]) + (size > 1 ? " (neuron " + i + ")" : ""));
            }
            if (!(vt[i] >= el[i])) {
                throw p.error(LifModel.V_THRESHOLD, "must be >= E_L under precision loihi (vth is unsigned), got v_threshold "
                        + volts(vt[i]) + " and E_L " + volts(el[i]) + (size > 1 ? " (neuron " + i + ")" : ""));
            }
        }
        if (p.choice(LifModel.THRESHOLD).equals(">=")) {
            throw p.error(LifModel.THRESHOLD, "must be '>' under precision loihi (the chip spikes if v > vth << 6), got '>='");
        }
        return p;
    }

    private static String volts(double v) { return org.spikelane.units.Units.format(v, Dimension.VOLTAGE); }
}
