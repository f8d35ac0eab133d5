package org.spikelane.nir.model;

/** A NIR edge: the output of node {@code from} feeds the input of node {@code to}. */
public record NirEdge(String from, String to) {
    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
