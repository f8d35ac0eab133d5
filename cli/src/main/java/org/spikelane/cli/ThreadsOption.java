package org.spikelane.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --threads N} is the scenario's {@code threads} key set from the command line: the
 * option becomes one more {@code --set}, last so that it wins, and is validated (and blamed in
 * errors) exactly like the key.
 */
final class ThreadsOption {
    private ThreadsOption() {}

    static List<String> withThreads(List<String> sets, Integer threads) {
        if (threads == null) return sets;
        List<String> all = new ArrayList<>(sets);
        all.add("threads=" + threads);
        return all;
    }
}
