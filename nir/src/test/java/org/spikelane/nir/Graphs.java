package org.spikelane.nir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.nir.model.NirArray;
import org.spikelane.nir.model.NirEdge;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.model.NirNode;

/** Builds small NIR graphs in memory for tests: {@code new Graphs().input("in", 2).node(...).edge(...).build()}. */
public final class Graphs {
    private final LinkedHashMap<String, NirNode> nodes = new LinkedHashMap<>();
    private final List<NirEdge> edges = new ArrayList<>();

    public Graphs input(String name, int size) {
        return node(name, "Input", "shape", new NirArray(new double[] {size}, new int[] {1}));
    }

    public Graphs output(String name, int size) {
        return node(name, "Output", "shape", new NirArray(new double[] {size}, new int[] {1}));
    }

    /** A node with parameters given as name, value pairs; a value is a NirArray or a double[] (1-D). */
    public Graphs node(String name, String type, Object... params) {
        Map<String, NirArray> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            Object v = params[i + 1];
            p.put((String) params[i], v instanceof NirArray a ? a : new NirArray((double[]) v, new int[] {((double[]) v).length}));
        }
        nodes.put(name, new NirNode(name, type, p, null));
        return this;
    }

    public Graphs graph(String name, NirGraph inner) {
        nodes.put(name, new NirNode(name, "NIRGraph", Map.of(), inner));
        return this;
    }

    public Graphs edge(String from, String to) {
        edges.add(new NirEdge(from, to));
        return this;
    }

    public NirGraph build() {
        return new NirGraph("0.2.0", nodes, edges);
    }

    /** A [rows, cols] matrix from row-major values. */
    public static NirArray matrix(int rows, int cols, double... values) {
        return new NirArray(values, new int[] {rows, cols});
    }

    public static double[] v(double... values) {
        return values;
    }

    /** n values uniform in [-scale, scale). */
    public static double[] random(java.util.Random rnd, int n, double scale) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = (rnd.nextDouble() * 2 - 1) * scale;
        return w;
    }

    /** n input values, each 1 with probability p, else 0. */
    public static float[] randomSpikes(java.util.Random rnd, int n, double p) {
        float[] x = new float[n];
        for (int k = 0; k < n; k++) x[k] = rnd.nextDouble() < p ? 1 : 0;
        return x;
    }
}
