package org.spikelane.net;

import java.util.List;
import java.util.Map;
import org.spikelane.spi.ParameterException;

/**
 * A half-open range of neuron indices {@code [from, to)} of one population, as written in a
 * projection's {@code connect.pre} / {@code connect.post} (CUBA's {@code "pre < 3200"} is
 * {@code pre: {from: 0, to: 3200}}).
 */
public record IndexRange(int from, int to) {

    public int length() { return to - from; }

    public boolean contains(int index) { return index >= from && index < to; }

    /** The whole population when {@code raw} is null, otherwise the map's {@code from} / {@code to}. */
    static IndexRange parse(Object raw, int size, String owner, String field) {
        if (raw == null) return new IndexRange(0, size);
        if (!(raw instanceof Map<?, ?> map)) {
            throw new ParameterException(owner, field, "must be a range such as {from: 0, to: " + size + "}, got " + raw);
        }
        ConnectRule.checkKeys(map, List.of("from", "to"), owner, field);
        int from = map.containsKey("from") ? ConnectRule.integer(map.get("from"), owner, field + ".from") : 0;
        int to = map.containsKey("to") ? ConnectRule.integer(map.get("to"), owner, field + ".to") : size;
        if (from < 0 || from >= size) {
            throw new ParameterException(owner, field + ".from", "must be in [0, " + (size - 1) + "], got " + from);
        }
        if (to <= from || to > size) {
            throw new ParameterException(owner, field + ".to", "must be in [" + (from + 1) + ", " + size
                    + "] (the range is half-open), got " + to);
        }
        return new IndexRange(from, to);
    }
}
