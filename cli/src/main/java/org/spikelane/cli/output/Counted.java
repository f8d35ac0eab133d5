package org.spikelane.cli.output;

/** A count with its noun in the right number: "1 spike", "2 spikes", "0 populations". */
public final class Counted {
    private Counted() {}

    /** {@code n} and the noun, with an s appended unless n is 1. */
    public static String of(long n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }
}
