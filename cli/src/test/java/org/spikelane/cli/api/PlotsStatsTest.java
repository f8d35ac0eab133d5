package org.spikelane.cli.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.cli.Runner;
import org.spikelane.cli.scenario.Scenario;

/**
 * {@link Plots#stats}: from Java the same figure {@code run} writes as stats.png, pixel for pixel,
 * and null where {@code run} writes none (too few spikes for a distribution).
 */
class PlotsStatsTest {
    private static final Path SEED_PULSES = Path.of("..", "examples", "seed-pulses.yaml").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    /** seed-pulses: 8 neurons at about 60 Hz, so 500 ms hold some 30 intervals each. */
    @Test
    void statsOfAScenarioRunIsTheRunsStatsPng() throws Exception {
        Scenario s = Scenarios.load(SEED_PULSES, "duration=500 ms");
        Runner.Result r = Scenarios.run(s);
        BufferedImage fromJava = Plots.stats(r);
        assertNotNull(fromJava);
        Scenarios.writeOutputs(r, tmp.resolve("out"));
        BufferedImage written = ImageIO.read(tmp.resolve("out").resolve("stats.png").toFile());
        assertEquals(written.getWidth(), fromJava.getWidth());
        assertEquals(written.getHeight(), fromJava.getHeight());
        for (int y = 0; y < written.getHeight(); y++) {
            for (int x = 0; x < written.getWidth(); x++) {
                assertEquals(written.getRGB(x, y) & 0xffffff, fromJava.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
    }

    /**
     * Five neurons under 1.9 nA through 10 Mohm: 19 mV against a 20 mV threshold, below rheobase,
     * so no spike and no figure; at 3 nA each fires every 2 ms + 8 ms ln(30/10) = 10.8 ms, 17
     * intervals each in 200 ms: a figure with one row (one population), as tall as one row.
     */
    @Test
    void statsOfASimulationBuiltInJava() {
        assertNull(Plots.stats(simulation("1.9 nA")));
        BufferedImage firing = Plots.stats(simulation("3 nA"));
        assertNotNull(firing);
        assertEquals(260, firing.getHeight());
    }

    private static Simulation simulation(String amplitude) {
        Network net = new Network(0.1e-3).seed(1);
        net.addLif("lif", 5, Map.of("R", "10 Mohm", "E_L", "-70 mV", "v_reset", "-70 mV", "v_threshold", "-50 mV",
                "tau_m", "8 ms", "refractory", "2 ms"));
        net.addInput("bias", "lif", Map.of("amplitude", amplitude));
        net.recordSpikes("lif");
        Simulation sim = net.build();
        sim.run(0.2);
        return sim;
    }
}
