package org.spikelane.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** NEST iaf_psc_exp's propagators, and the singular case tau_syn == tau_m. */
class PropagatorsTest {
    private static final double H = 0.1e-3;
    private static final double TAU_M = 10e-3;
    private static final double TAU_S = 2e-3;
    private static final double C = 250e-12;

    @Test
    void nestDefaultsAtTenthOfAMillisecond() {
        assertEquals(0.9900498337, Math.exp(-H / TAU_M), 0.9900498337 * 1e-9, "P22");
        assertEquals(0.9512294245, Math.exp(-H / TAU_S), 0.9512294245 * 1e-9, "P11");
        // NEST states P21 in mV per pA: 1 V/A = 1e3 mV / 1e12 pA
        double p21 = Propagators.expCurrent(H, TAU_M, TAU_S, 1 / C) * 1e3 / 1e12;
        assertEquals(3.8820409248e-4, p21, 3.8820409248e-4 * 1e-9, "P21");
    }

    @Test
    void singularCaseIsNestsLimitAndTheNeighbourhoodIsContinuous() {
        double exact = H / C * Math.exp(-H / TAU_M);
        assertEquals(exact, Propagators.expCurrent(H, TAU_M, TAU_M, 1 / C), exact * 1e-15);
        for (double rel : new double[] {1e-12, 1e-9, 1e-6}) {
            double near = Propagators.expCurrent(H, TAU_M, TAU_M * (1 + rel), 1 / C);
            assertEquals(exact, near, exact * 10 * rel, "tau_s = tau_m (1 + " + rel + ")");
        }
        // the alpha ramp integral h^2/2 e^{-h/tau_m} / C at the singular point
        double ramp = H * H / 2 / C * Math.exp(-H / TAU_M);
        assertEquals(ramp, Propagators.alphaRamp(H, TAU_M, TAU_M, 1 / C), ramp * 1e-15);
    }

    @Test
    void phiFunctionsMatchTheirDefinitionsAwayFromZeroAndTheirSeriesNearIt() {
        for (double z : new double[] {-3, -0.5, 0.2, 4}) {
            assertEquals((1 - Math.exp(-z)) / z, Propagators.phi1(z), 1e-14 * Math.abs(Propagators.phi1(z)));
            assertEquals((1 - Math.exp(-z) * (1 + z)) / (z * z), Propagators.phi2(z), 1e-13);
        }
        // near 0 the definition cancels; reference from 40-digit arithmetic (mpmath)
        assertEquals(0.49667913340265890355, Propagators.phi2(0.01), 1e-14);
        assertEquals(0.99501662508319464261, Propagators.phi1(0.01), 1e-15);
        // across the switch to the series, phi2 stays continuous to double precision
        assertEquals(Propagators.phi2(0.999999e-3), Propagators.phi2(1.000001e-3), 1e-9);
        assertEquals(0.5, Propagators.phi2(0), 0);
    }
}
