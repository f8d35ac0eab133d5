package org.spikelane.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.InputEvents;
import org.spikelane.cli.scenario.InputLabels;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.record.StateRecorder;
import org.spikelane.spi.PluginRegistry;

/**
 * What the plots compute and say, against the scenario and analytic results: the sine fit's
 * phase lag and gain against the exact response of the integration scheme, the input events
 * against the times the scenario gives, random pulse targets against the recorded current, and
 * which neurons traces.png shows.
 */
class PlotContentTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    private record Run(Scenario scenario, Simulation sim, PlotContext ctx) {}

    private static Run run(String example) {
        Scenario s = Scenario.load(EXAMPLES.resolve(example), List.of());
        Simulation sim = NetworkBuilder.simulation(s, PluginRegistry.discover());
        sim.runSteps(s.steps());
        return new Run(s, sim, PlotContext.of(s, sim, s.steps()));
    }

    /** The RC low-pass of the scheme tends to atan(2 pi f tau) plus half a step of lag, and R at low frequency. */
    @Test
    void lowPassIsTheRcFilterForSmallSteps() {
        RcLowPass m = new RcLowPass(10e6, 8e-3, 1e-6);
        for (double f : new double[] {1, 10, 100, 1000}) {
            double w = 2 * Math.PI * f * 8e-3;
            assertEquals(Math.toDegrees(Math.atan(w)) + 180 * f * 1e-6, m.lagDegrees(f), 1e-3, "lag at " + f + " Hz");
            assertEquals(10e6 / Math.sqrt(1 + w * w), m.gain(f), 10e6 * 1e-5, "gain at " + f + " Hz");
        }
    }

    /**
     * neurodynex-sine: 2.5 nA at 10, 30, 60 and 250 Hz into R = 10 Mohm, tau_m = 8 ms. The fit over
     * the last cycles gives the lag and gain of v[n+1] = a v[n] + (1 - a) R I[n]: 26.9 deg at 10 Hz to
     * 90.0 deg at 250 Hz (atan alone says 85.5 deg; holding I over the 0.1 ms step adds 4.5 deg).
     */
    @Test
    void sineFitMeasuresTheMembranesLowPass() {
        Run r = run("neurodynex-sine.yaml");
        TraceSelection sel = TraceSelection.of(r.sim, List.of(), r.ctx);
        assertEquals(4, sel.shown().size());
        double[] expected = {10, 30, 60, 250};
        for (int k = 0; k < 4; k++) {
            TraceSelection.Traced t = sel.shown().get(k);
            InputLabels.Sine sine = r.ctx.inputs().sine("lif", t.neuron());
            assertEquals(expected[k], sine.frequency(), 1e-9);
            SinePanels.Response fit = SinePanels.fit(r.sim, t, sine, 0, r.scenario.steps());
            assertNotNull(fit, "neuron " + k);
            RcLowPass exact = new RcLowPass(10e6, 8e-3, 1e-4);
            assertEquals(exact.lagDegrees(sine.frequency()), fit.lagDegrees(), 0.1, "lag at " + sine.frequency() + " Hz");
            assertEquals(exact.gain(sine.frequency()), fit.v().amplitude() / fit.i().amplitude(), exact.gain(sine.frequency()) * 2e-3,
                    "gain at " + sine.frequency() + " Hz");
            assertEquals(2.5e-9, fit.i().amplitude(), 2.5e-9 * 1e-3);
        }
        assertEquals(Math.toDegrees(Math.atan(2 * Math.PI * 250 * 8e-3)) + 180 * 250 * 1e-4, new RcLowPass(10e6, 8e-3, 1e-4).lagDegrees(250), 0.05);
    }

    /** step-and-sine: the events are the steps' and the sine's start and stop, at the scenario's times. */
    @Test
    void eventsAreTheScenariosTimes() {
        Scenario s = Scenario.load(EXAMPLES.resolve("step-and-sine.yaml"), List.of());
        InputEvents events = InputEvents.of(s, s.steps());
        List<Long> steps = events.all().stream().map(InputEvents.Event::step).toList();
        assertEquals(List.of(50L, 200L, 1000L, 1200L), steps);
        assertEquals("step 2.05 nA on", events.all().get(0).label());
        assertEquals("sine 2.5 nA off", events.all().get(3).label());
    }

    /**
     * seed-pulses: every 500 ms a 10 nA pulse goes to a random neuron. Each of the four events is
     * found on the one recorded neuron whose I rises by the pulse's 10 nA at that step (the bias is
     * constant, so every other neuron's I stays the same), and traces.png shows those neurons first.
     */
    @Test
    void randomPulseTargetsAreFoundAndShownFirst() {
        Run r = run("seed-pulses.yaml");
        List<EventHits.Hit> hits = EventHits.of(r.sim, r.ctx.events());
        assertEquals(List.of(5000L, 10000L, 15000L, 20000L), hits.stream().map(h -> h.event().step()).toList());
        StateRecorder rec = r.sim.stateRecorders().get(0);
        for (EventHits.Hit h : hits) {
            assertTrue(h.found(), "event at " + h.event().step());
            assertEquals(1, h.neurons().size());
            int s = (int) (h.event().step() / 2); // sampled every 0.2 ms = 2 steps
            assertEquals(h.event().step(), rec.step(s));
            for (int n : rec.neurons()) {
                double jump = rec.trace("I", n)[s] - rec.trace("I", n)[s - 1];
                assertEquals(n == h.neurons().get(0) ? 10e-9 : 0, jump, 1e-12, "neuron " + n + " at step " + h.event().step());
            }
        }
        TraceSelection sel = TraceSelection.of(r.sim, hits, r.ctx);
        List<Integer> pulsed = hits.stream().map(h -> h.neurons().get(0)).distinct().toList();
        assertEquals(pulsed, sel.shown().subList(0, pulsed.size()).stream().map(TraceSelection.Traced::neuron).toList());
        assertEquals(TraceSelection.MAX, sel.shown().size());
        assertTrue(sel.why().get(0).startsWith("Shown: 4 of 8 recorded neurons"), sel.why().get(0));
        String drive = TracesPlot.driveText(sel.shown().get(0), hits, r.ctx, TimeScale.of(2.1));
        assertTrue(drive.startsWith("bias 20 nA + pulse 10 nA at "), drive);
        assertEquals("bias 20 nA", TracesPlot.driveText(sel.shown().get(TraceSelection.MAX - 1), hits, r.ctx, TimeScale.of(2.1)));
    }

    /** Stacked panels with y labels of different widths get their plot areas at the same pixels. */
    @Test
    void alignedPanelsShareThePlotArea() {
        Panel a = Charts.chart(200, "a", "", "v (mV)");
        Charts.line(a, "v", new double[] {0, 1, 2}, new double[] {-70.125, -50, -60}, Charts.VOLTAGE);
        Panel b = Charts.chart(200, "b", "t (ms)", "I");
        Charts.line(b, "I", new double[] {0, 1, 2}, new double[] {0, 0.25, 1}, Charts.CURRENT);
        Charts.line(b, "second", new double[] {0, 1, 2}, new double[] {0, 0.5, 1}, Charts.THRESHOLD);
        Charts.aligned(List.of(a, b), Charts.WIDTH);
        double leftA = a.placedAt + a.plotArea().getX();
        double leftB = b.placedAt + b.plotArea().getX();
        assertEquals(leftA, leftB, 1.0);
        assertEquals(leftA + a.plotArea().getWidth(), leftB + b.plotArea().getWidth(), 1.0);
        assertTrue(b.plotArea().getWidth() < Charts.WIDTH - 150, "b's legend sits outside its plot area");
    }
}
