package org.spikelane.units;

/** Physical dimension of a parameter or variable; values are held in the SI unit named here. */
public enum Dimension {
    DIMENSIONLESS("1", "", "0.5"),
    TIME("time", "s", "20 ms"),
    VOLTAGE("voltage", "V", "-70 mV"),
    CURRENT("current", "A", "2 nA"),
    CONDUCTANCE("conductance", "S", "10 nS"),
    RESISTANCE("resistance", "ohm", "10 Mohm"),
    CAPACITANCE("capacitance", "F", "200 pF"),
    FREQUENCY("frequency", "Hz", "10 Hz"),
    /** Charge-like product of conductance and voltage, used only by the gE accumulator. */
    CONDUCTANCE_TIMES_VOLTAGE("conductance*voltage", "S*V", "1 nS*mV");

    private final String label;
    private final String siUnit;
    private final String example;

    Dimension(String label, String siUnit, String example) {
        this.label = label;
        this.siUnit = siUnit;
        this.example = example;
    }

    /** Human name, e.g. "time". */
    public String label() { return label; }

    /** SI unit symbol, e.g. "s"; empty for dimensionless. */
    public String siUnit() { return siUnit; }

    /** An example value with a unit, used in error messages. */
    public String example() { return example; }
}
