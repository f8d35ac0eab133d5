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

    /** Resolves and checks the raw parameters; physical LIF parameters get a one-line error. */
    public static Params resolve(String owner, java.util.Map<String, ?> raw, int size, java.util.SplittableRandom random) {
        for (String key : raw.keySet()) {
            if (key.equals(LifModel.REFRACTORY)) {
                throw new org.spikelane.spi.ParameterException(owner, key,
                        "is not supported under precision loihi (Loihi's LIF has no refractory period; remove it)");
            }
            if (LifModel.PARAMS.stream().anyMatch(s -> s.name().equals(key))) {
                throw new org.spikelane.spi.ParameterException(owner, key, "is a physical parameter; precision loihi takes the raw "
                        + "hardware parameters du, dv, vth, bias_mant, bias_exp");
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
}
