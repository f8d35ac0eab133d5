package org.spikelane.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.Simulation;
import org.spikelane.cli.output.RateBins;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.record.SpikeRecorder;
import org.spikelane.spi.PluginRegistry;

/**
 * What raster.png draws: 400 neurons (A: 300 with groups ex 0..239 and inh 240..299, then B:
 * 100) are more than the 250 rows a raster holds, so it shows every 2nd neuron (ceil(400 / 250));
 * every dot is a recorded spike of such a neuron at its time in the axis unit (ms below 2 s,
 * seconds from 2 s on) and on its row (B's rows above A's 300); each population and group has its
 * own colour; and in the image a known spike's dot is at the pixel its axes give.
 *
 * <p>Every neuron gets 2.05 nA through 10 Mohm (20.5 mV against a 20 mV threshold, tau_m 10 ms,
 * 2 ms refractory): the first spike after 10 ms ln(20.5 / 0.5) = 37.1 ms, then one every 39.1 ms,
 * the same steps for all neurons.
 */
class RasterContentTest {
    private static final String SCENARIO = """
            dt: 0.1 ms
            duration: %s
            populations:
              - name: A
                size: 300
                groups: {ex: 0..239, inh: 240..299}
                params: {E_L: -70 mV, v_reset: -70 mV, v_threshold: -50 mV, R: 10 Mohm, tau_m: 10 ms, refractory: 2 ms}
              - name: B
                size: 100
                params: {E_L: -70 mV, v_reset: -70 mV, v_threshold: -50 mV, R: 10 Mohm, tau_m: 10 ms, refractory: 2 ms}
            inputs:
              - {type: bias, target: A, amplitude: 2.05 nA}
              - {type: bias, target: B, amplitude: 2.05 nA}
            """;

    @TempDir
    Path tmp;

    private record Run(Simulation sim, PlotContext ctx, Scenario scenario) {}

    private Run run(String duration) throws Exception {
        Path file = Files.writeString(tmp.resolve("raster-" + duration.replace(' ', '_') + ".yaml"), SCENARIO.formatted(duration));
        Scenario s = Scenario.load(file, List.of());
        Simulation sim = NetworkBuilder.simulation(s, PluginRegistry.discover());
        sim.runSteps(s.steps());
        return new Run(sim, PlotContext.of(s, sim, s.steps()), s);
    }

    @Test
    void everySecondNeuronIsDrawnAtItsSpikeTimesInMilliseconds() throws Exception {
        Run r = run("200 ms");
        RasterPlot.Layout layout = RasterPlot.layout(r.sim, 0, r.scenario.steps());
        assertEquals(2, layout.stride());
        assertEquals(0.2, layout.shownEnd(), 1e-12, "25 spikes a second fit the row: the whole run is shown");
        assertEquals("ms", layout.rasterTs().unit());
        List<RasterPlot.Dots> dots = RasterPlot.dots(r.sim, layout, r.ctx);
        assertEquals(List.of("A ex", "A inh", "B"), dots.stream().map(d -> d.part().name()).toList());
        assertEquals(List.of(Charts.PALETTE[0], Charts.PALETTE[1], Charts.PALETTE[2]), dots.stream().map(RasterPlot.Dots::color).toList());
        assertDotsAreTheEvenNeuronsSpikes(r.sim, dots, 1e3);
        // rows: A's ex 0, 2, ..., 238; inh 240, ..., 298; B's neuron n on row 300 + n
        assertEquals(rows(0, 240), new TreeSet<>(toList(dots.get(0).y())));
        assertEquals(rows(240, 300), new TreeSet<>(toList(dots.get(1).y())));
        assertEquals(rows(300, 400), new TreeSet<>(toList(dots.get(2).y())));
        // 200 ms: spikes at 37.1, 76.2, 115.3, 154.4, 193.5 ms, five per neuron, 200 neurons drawn
        int drawn = dots.stream().mapToInt(d -> d.x().length).sum();
        assertEquals(5 * 200, drawn);
        assertEquals(37.1, dots.get(0).x()[0], 0.15);

        RasterPlot.Drawn image = RasterPlot.drawn(r.sim, 0, r.scenario.steps(), RateBins.of(r.sim, 0, r.scenario.steps()), r.ctx);
        assertTrue(image.raster().getTitle().startsWith("spike raster: every 2nd neuron (200 of 400)"), image.raster().getTitle());
    }

    @Test
    void aLongRunIsDrawnInSeconds() throws Exception {
        Run r = run("2.5 s");
        RasterPlot.Layout layout = RasterPlot.layout(r.sim, 0, r.scenario.steps());
        assertEquals("s", layout.rasterTs().unit());
        assertEquals(2.5, layout.shownEnd(), 1e-12, "64 spikes per row fit: the whole run");
        assertDotsAreTheEvenNeuronsSpikes(r.sim, RasterPlot.dots(r.sim, layout, r.ctx), 1);
    }

    /**
     * B's neuron 0 (row 300) fires first at 37.1 ms: at the pixel the axes give for (37.1 ms, 300)
     * the image has B's colour, at A ex's row 100 A ex's colour, and halfway between two spikes
     * (56.7 ms) no dot's colour at all.
     */
    @Test
    void aKnownSpikeIsDrawnWhereTheAxesPutIt() throws Exception {
        Run r = run("200 ms");
        RasterPlot.Drawn d = RasterPlot.drawn(r.sim, 0, r.scenario.steps(), RateBins.of(r.sim, 0, r.scenario.steps()), r.ctx);
        double t = d.dots().get(2).x()[0];
        assertEquals(300.0, d.dots().get(2).y()[0]);
        assertTrue(near(d, t, 300, Charts.PALETTE[2]), "B's colour at its first spike");
        assertTrue(near(d, t, 100, Charts.PALETTE[0]), "A ex's colour on row 100");
        assertTrue(near(d, t, 270, Charts.PALETTE[1]), "A inh's colour on row 270");
        for (Color c : List.of(Charts.PALETTE[0], Charts.PALETTE[1], Charts.PALETTE[2])) {
            assertTrue(!near(d, t + 19.55, 300, c) && !near(d, t + 19.55, 100, c), "no dot between spikes");
        }
    }

    /**
     * Whether the image has {@code color} within 1 pixel of where XChart maps (x, y): the plot
     * area's bounds with the data spread over the plot-content fraction of them, centred.
     */
    private static boolean near(RasterPlot.Drawn d, double x, double y, Color color) {
        Panel p = d.raster();
        Rectangle2D area = p.plotArea();
        double content = p.getStyler().getPlotContentSize();
        double xMin = p.getStyler().getXAxisMin();
        double xMax = p.getStyler().getXAxisMax();
        double yMin = p.getStyler().getYAxisMin();
        double yMax = p.getStyler().getYAxisMax();
        double px = p.placedAt + area.getX() + area.getWidth() * (1 - content) / 2 + (x - xMin) / (xMax - xMin) * area.getWidth() * content;
        double py = area.getY() + area.getHeight() - (area.getHeight() * (1 - content) / 2 + (y - yMin) / (yMax - yMin) * area.getHeight() * content);
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                if ((d.image().getRGB((int) Math.round(px) + dx, (int) Math.round(py) + dy) & 0xffffff) == (color.getRGB() & 0xffffff)) return true;
            }
        }
        return false;
    }

    /** The dots are exactly the recorded spikes of the even neurons, x their time times {@code perSecond}. */
    private static void assertDotsAreTheEvenNeuronsSpikes(Simulation sim, List<RasterPlot.Dots> dots, double perSecond) {
        List<String> expected = new ArrayList<>();
        SpikeRecorder s = sim.spikes();
        for (int row = 0; row < s.count(); row++) {
            if (s.neuron(row) % 2 == 0) {
                int offset = s.populationName(row).equals("B") ? 300 : 0;
                expected.add(key(s.time(row) * perSecond, offset + s.neuron(row)));
            }
        }
        List<String> drawn = new ArrayList<>();
        for (RasterPlot.Dots d : dots) for (int k = 0; k < d.x().length; k++) drawn.add(key(d.x()[k], d.y()[k]));
        assertEquals(new TreeSet<>(expected), new TreeSet<>(drawn));
        assertEquals(expected.size(), drawn.size());
    }

    private static String key(double x, double y) {
        return String.format(java.util.Locale.ROOT, "%.9f@%d", x, (long) y);
    }

    private static TreeSet<Double> rows(int from, int to) {
        TreeSet<Double> r = new TreeSet<>();
        for (int n = from; n < to; n += 2) r.add((double) n);
        return r;
    }

    private static List<Double> toList(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }
}
