package org.spikelane.nir.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.nir.model.NirArray;
import org.spikelane.nir.model.NirEdge;
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.model.NirNode;

/**
 * Reads a {@code .nir} file, which is HDF5: a {@code version} string and a {@code node} group
 * holding the top graph ({@code type = "NIRGraph"}, a {@code nodes} group of node groups, an
 * {@code edges} dataset of [E, 2] strings). Each node group has a {@code type} string and one
 * numeric dataset per parameter; a nested graph is a node group of the same form. jhdf decodes
 * the compression filters NIR writes (gzip by default) and strings of fixed or variable length.
 * Format versions 0.x and 1.x are accepted; the layout has not changed between them.
 */
public final class NirReader {
    private NirReader() {}

    public static NirGraph read(Path file) {
        if (!Files.isRegularFile(file)) throw new NirException("NIR file '" + file + "' does not exist or is not a file");
        try (HdfFile hdf = new HdfFile(file)) {
            String version = text(child(hdf, "version", "the file"), "version");
            if (!version.matches("[01]\\..*")) {
                throw new NirException("NIR file '" + file + "' has format version " + version + "; supported are 0.x and 1.x");
            }
            Node top = child(hdf, "node", "the file");
            if (!(top instanceof Group g)) throw new NirException("NIR file '" + file + "': 'node' is not a group");
            return graph(g, "the top graph", version);
        } catch (NirException e) {
            throw e;
        } catch (RuntimeException e) {
            // jhdf signals a file that is not HDF5 (or is damaged) with its own runtime exceptions
            throw new NirException("NIR file '" + file + "' cannot be read as HDF5: " + e.getMessage(), e);
        }
    }

    private static NirGraph graph(Group g, String where, String version) {
        Node nodesNode = child(g, "nodes", where);
        if (!(nodesNode instanceof Group nodes)) throw new NirException(where + ": 'nodes' is not a group");
        LinkedHashMap<String, NirNode> byName = new LinkedHashMap<>();
        for (Node n : nodes.getChildren().values()) {
            if (!(n instanceof Group ng)) throw new NirException(where + ": node '" + n.getName() + "' is not a group");
            byName.put(ng.getName(), node(ng));
        }
        List<NirEdge> edges = new ArrayList<>();
        Node edgesNode = g.getChildren().get("edges");
        if (edgesNode != null) {
            Object flat = ((Dataset) edgesNode).isEmpty() ? new String[0] : ((Dataset) edgesNode).getDataFlat();
            if (!(flat instanceof String[] names) || names.length % 2 != 0) {
                throw new NirException(where + ": 'edges' must be an [E, 2] array of node names");
            }
            for (int i = 0; i < names.length; i += 2) edges.add(new NirEdge(names[i], names[i + 1]));
        }
        return new NirGraph(version, byName, edges);
    }

    private static NirNode node(Group g) {
        String name = g.getName();
        String type = text(child(g, "type", "node '" + name + "'"), "node '" + name + "' type");
        if (type.equals("NIRGraph")) {
            return new NirNode(name, type, Map.of(), graph(g, "graph '" + name + "'", null));
        }
        Map<String, NirArray> params = new LinkedHashMap<>();
        for (Node n : g.getChildren().values()) {
            // metadata is free-form and does not change what the node computes
            if (n.getName().equals("type") || n.getName().equals("metadata") || !(n instanceof Dataset d)) continue;
            NirArray a = numeric(d);
            if (a != null) params.put(n.getName(), a);
        }
        return new NirNode(name, type, params, null);
    }

    private static Node child(Group g, String name, String where) {
        Node n = g.getChildren().get(name);
        if (n == null) throw new NirException(where + " has no '" + name + "' entry");
        return n;
    }

    private static String text(Node n, String what) {
        if (n instanceof Dataset d) {
            Object o = d.isScalar() ? d.getData() : d.getDataFlat();
            if (o instanceof String s) return s;
            if (o instanceof String[] s && s.length == 1) return s[0];
        }
        throw new NirException(what + " is not a string");
    }

    /** The dataset as numbers, or null for a string dataset (which no supported parameter is). */
    private static NirArray numeric(Dataset d) {
        int[] shape = d.isScalar() ? new int[0] : d.getDimensions();
        Object o = d.isScalar() ? d.getData() : d.getDataFlat();
        double[] v = switch (o) {
            case Number x -> new double[] {x.doubleValue()};
            case Boolean x -> new double[] {x ? 1 : 0};
            case double[] x -> x;
            case float[] x -> { double[] r = new double[x.length]; for (int i = 0; i < x.length; i++) r[i] = x[i]; yield r; }
            case long[] x -> { double[] r = new double[x.length]; for (int i = 0; i < x.length; i++) r[i] = x[i]; yield r; }
            case int[] x -> { double[] r = new double[x.length]; for (int i = 0; i < x.length; i++) r[i] = x[i]; yield r; }
            case short[] x -> { double[] r = new double[x.length]; for (int i = 0; i < x.length; i++) r[i] = x[i]; yield r; }
            case byte[] x -> { double[] r = new double[x.length]; for (int i = 0; i < x.length; i++) r[i] = x[i]; yield r; }
            case boolean[] x -> { double[] r = new double[x.length]; for (int i = 0; i < x.length; i++) r[i] = x[i] ? 1 : 0; yield r; }
            default -> null;
        };
        return v == null ? null : new NirArray(v, shape);
    }
}
