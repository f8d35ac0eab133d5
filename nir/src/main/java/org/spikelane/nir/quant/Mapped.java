package org.spikelane.nir.quant;

import java.util.List;
import java.util.Map;
import org.spikelane.nir.kernel.NodeKernel;

/** What a precision's mapping made of one neuron node and the Affine nodes feeding it. */
record Mapped(NodeKernel neuron, Map<Integer, NodeKernel> affines, List<NodeQuantization> report) {}
