package org.spikelane.neuron;

import java.util.List;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Range;
import org.spikelane.units.Dimension;

/**
 * Parameters of the leaky integrate-and-fire model, {@code tau_m dv/dt = E_L - v + R I}.
 * Defaults are those of the Neuronal Dynamics exercises (neurodynex {@code LIF} module).
 * Every numeric parameter is one value or one per neuron.
 */
public final class LifModel {
    private LifModel() {}

    public static final String E_L = "E_L";
    public static final String V_RESET = "v_reset";
    public static final String V_THRESHOLD = "v_threshold";
    public static final String R = "R";
    public static final String C = "C";
    public static final String TAU_M = "tau_m";
    public static final String REFRACTORY = "refractory";
    public static final String V_INIT = "v_init";
    public static final String THRESHOLD = "threshold";
    /** What {@code set} may change between steps in the formats that allow it: parameters, and the state's {@code v}. */
    public static final java.util.List<String> CHANGEABLE = java.util.List.of(E_L, V_RESET, V_THRESHOLD, TAU_M, R, C, REFRACTORY, "v");

    public static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.perNeuron(E_L, Dimension.VOLTAGE, -70e-3, Range.any(), "resting potential"),
            ParamSpec.perNeuron(V_RESET, Dimension.VOLTAGE, -65e-3, Range.any(), "potential after a spike"),
            ParamSpec.perNeuron(V_THRESHOLD, Dimension.VOLTAGE, -50e-3, Range.any(), "spike threshold"),
            ParamSpec.perNeuron(R, Dimension.RESISTANCE, 10e6, Range.positive(),
                    "membrane resistance (10 Mohm unless C is given; then R = tau_m / C)"),
            ParamSpec.perNeuron(C, Dimension.CAPACITANCE, Double.NaN, Range.positive(),
                    "membrane capacitance; give R or C, not both"),
            ParamSpec.perNeuron(TAU_M, Dimension.TIME, 8e-3, Range.positive(), "membrane time constant"),
            ParamSpec.perNeuron(REFRACTORY, Dimension.TIME, 2e-3, Range.nonNegative(),
                    "absolute refractory period, v held at v_reset (rounded to whole steps)"),
            ParamSpec.perNeuron(V_INIT, Dimension.VOLTAGE, Double.NaN, Range.any(), "initial potential (default E_L)"),
            ParamSpec.choice(THRESHOLD, ">", List.of(">", ">="), "spike when v > v_threshold (or >=)"));

    /** Checks that involve several parameters; {@code p} was resolved against {@link #PARAMS}. */
    public static org.spikelane.spi.Params checked(org.spikelane.spi.Params p) {
        if (p.given(C) && p.given(R)) throw p.error(C, "give R or C, not both (R = tau_m / C)");
        return p;
    }
}
