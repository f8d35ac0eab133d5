package org.spikelane.nir.model;

import java.util.Map;
import java.util.Optional;

/**
 * One node of a NIR graph as the file holds it: its name, its {@code type} string, its numeric
 * datasets, and for a nested {@code NIRGraph} the graph itself. What the parameters mean is the
 * executor's business ({@code org.spikelane.nir.kernel}); this record only carries them.
 */
public record NirNode(String name, String type, Map<String, NirArray> params, NirGraph subgraph) {
    public NirNode {
        params = Map.copyOf(params);
    }

    public Optional<NirArray> optional(String param) {
        return Optional.ofNullable(params.get(param));
    }

    /** A parameter the node type requires; a missing one is an error naming node, type and field. */
    public NirArray require(String param) {
        NirArray a = params.get(param);
        if (a == null) throw new NirException("node '" + name + "' (" + type + ") has no '" + param + "' dataset");
        return a;
    }
}
