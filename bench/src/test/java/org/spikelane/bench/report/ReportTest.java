package org.spikelane.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void rewritesTheMarkedSectionKeepsTheHistoryAndDrawsTheChart(@TempDir Path dir) throws Exception {
        // two sizes of one LIF step configuration, as JMH writes them: 1 us per step of 1000
        // neurons (1 ns per neuron-step), 2 ms per step of 1M neurons (2 ns per neuron-step)
        String entry = """
                {"benchmark":"org.spikelane.bench.LifStepBenchmark.step","mode":"avgt","forks":3,
                 "jvmArgs":["--add-modules","jdk.incubator.vector"],"measurementIterations":4,
                 "measurementTime":"1 s","params":{"kernel":"vector","n":"%s"},
                 "primaryMetric":{"score":%s,"scoreError":%s,"scoreUnit":"%s"},"secondaryMetrics":{}}""";
        Path json = dir.resolve("2026-01-01-abcdef0-test.json");
        Files.writeString(json, "[" + entry.formatted("1000", "1.0", "0.1", "us/op") + ","
                + entry.formatted("1000000", "2.0", "0.2", "ms/op") + "]");
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# Benchmark results\n\n## History\n\nhand-written, 0.9 ns\n");

        Report.run(new String[] {json.toString()});

        String text = Files.readString(readme);
        assertTrue(text.startsWith("# Benchmark results\n\n" + ReadmeSection.BEGIN + "\n"), text);
        assertTrue(text.endsWith(ReadmeSection.END + "\n\n## History\n\nhand-written, 0.9 ns\n"), text);
        assertTrue(text.contains("| 1,000 | 1.000 ± 0.100 |"), text);
        assertTrue(text.contains("| 1,000,000 | 2.000 ± 0.200 |"), text);
        assertTrue(text.contains("![LIF step throughput against N](throughput-vs-n.png)"), text);
        BufferedImage png = ImageIO.read(dir.resolve("throughput-vs-n.png").toFile());
        assertTrue(png.getWidth() > 500 && png.getHeight() > 300, png.getWidth() + "x" + png.getHeight());

        // a second run replaces the section instead of adding another
        Report.run(new String[] {json.toString()});
        assertEquals(text, Files.readString(readme));
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
    }
}
