package org.spikelane.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process and reads its CSV outputs, for the end-to-end tests. */
final class Cli {
    private Cli() {}

    record Outcome(int exitCode, String out, String err) {}

    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    static Path example(String name) {
        return EXAMPLES.resolve(name);
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Runs and fails the test with the CLI's own message if it did not exit 0. */
    static Outcome ok(String... args) {
        Outcome o = run(args);
        if (o.exitCode() != 0) throw new AssertionError("exit " + o.exitCode() + ": " + o.err() + o.out());
        return o;
    }

    /** Rows of a CSV file without its header, split at commas. */
    static List<String[]> rows(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv);
            List<String[]> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) out.add(line.split(","));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(Path csv) {
        try {
            return Files.readAllLines(csv).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spike times (s) of one neuron from spikes.csv. */
    static double[] spikeTimes(Path dir, String population, int neuron) {
        return rows(dir.resolve("spikes.csv")).stream()
                .filter(r -> r[0].equals(population) && Integer.parseInt(r[1]) == neuron)
                .mapToDouble(r -> Double.parseDouble(r[2])).toArray();
    }

    /** {time_s[], value[]} of one variable of every recorded neuron, reading state.csv once. */
    static java.util.Map<Integer, double[][]> traces(Path dir, String population, String variable) {
        java.util.Map<Integer, List<String[]>> byNeuron = new java.util.TreeMap<>();
        for (String[] r : rows(dir.resolve("state.csv"))) {
            if (r[0].equals(population) && r[2].equals(variable)) byNeuron.computeIfAbsent(Integer.parseInt(r[1]), k -> new ArrayList<>()).add(r);
        }
        java.util.Map<Integer, double[][]> out = new java.util.TreeMap<>();
        byNeuron.forEach((n, rows) -> {
            double[][] tv = new double[2][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                tv[0][i] = Double.parseDouble(rows.get(i)[3]);
                tv[1][i] = Double.parseDouble(rows.get(i)[4]);
            }
            out.put(n, tv);
        });
        return out;
    }

    /** {time_s[], value[]} of one variable of one neuron from state.csv. */
    static double[][] trace(Path dir, String population, int neuron, String variable) {
        List<String[]> rows = rows(dir.resolve("state.csv")).stream()
                .filter(r -> r[0].equals(population) && Integer.parseInt(r[1]) == neuron && r[2].equals(variable)).toList();
        double[] t = new double[rows.size()];
        double[] v = new double[rows.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = Double.parseDouble(rows.get(i)[3]);
            v[i] = Double.parseDouble(rows.get(i)[4]);
        }
        return new double[][] {t, v};
    }
}
