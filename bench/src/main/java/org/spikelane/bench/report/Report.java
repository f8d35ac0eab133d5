package org.spikelane.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns JMH JSON results into the generated section of jmh-results/README.md and the chart
 * jmh-results/throughput-vs-n.png, so nobody edits benchmark numbers by hand.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.spikelane.bench.report.Report [--readme FILE] [--chart FILE] [--print] RESULT.json...
 * </pre>
 * The README and chart default to {@code README.md} and {@code throughput-vs-n.png} beside the
 * first result file. {@code --print} writes the section to standard output and touches no file.
 */
public final class Report {
    private Report() {}

    private static final String USAGE = "usage: Report [--readme FILE] [--chart FILE] [--print] RESULT.json...";

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true"); // charts on servers and in CI, before AWT loads
        Path readme = null;
        Path chart = null;
        boolean print = false;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--readme" -> readme = Path.of(value(args, ++i, "--readme"));
                case "--chart" -> chart = Path.of(value(args, ++i, "--chart"));
                case "--print" -> print = true;
                case "-h", "--help" -> { System.out.println(USAGE); return; }
                default -> {
                    if (args[i].startsWith("-")) throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                    inputs.add(Path.of(args[i]));
                }
            }
        }
        if (inputs.isEmpty()) throw new IllegalArgumentException("no result files; " + USAGE);
        List<ResultFile> files = new ArrayList<>();
        for (Path p : inputs) files.add(ResultFile.load(p));
        Path dir = inputs.getFirst().toAbsolutePath().getParent();
        if (readme == null) readme = dir.resolve("README.md");
        if (chart == null) chart = dir.resolve("throughput-vs-n.png");
        String command = "java -cp bench/target/benchmarks.jar " + Report.class.getName() + " "
                + String.join(" ", List.of(args));

        if (print) {
            System.out.print(ReportMarkdown.render(files, relativeChart(readme, chart), command));
            return;
        }
        String old = Files.isRegularFile(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "";
        ReadmeSection.replace(old, ""); // a README with broken markers fails here, before any file is written
        boolean drawn = ThroughputChart.write(files, chart);
        String section = ReportMarkdown.render(files, drawn ? relativeChart(readme, chart) : null, command);
        AtomicFiles.writeString(readme, ReadmeSection.replace(old, section));
        System.out.println("wrote " + readme + (drawn ? " and " + chart : " (no LIF step sizes to chart)"));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a file; " + USAGE);
        return args[i];
    }

    private static String relativeChart(Path readme, Path chart) {
        Path base = readme.toAbsolutePath().getParent();
        return base.relativize(chart.toAbsolutePath()).toString().replace('\\', '/');
    }
}
