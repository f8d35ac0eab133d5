package org.spikelane.nir.model;

import java.util.List;
import java.util.SequencedMap;

/**
 * A NIR graph: nodes by name, in the order the file lists them, and edges in file order (the
 * executor sums a node's incoming edges in this order). {@code version} is the file's format
 * version for the top-level graph and {@code null} for a nested one.
 */
public record NirGraph(String version, SequencedMap<String, NirNode> nodes, List<NirEdge> edges) {
    public NirGraph {
        edges = List.copyOf(edges);
    }
}
