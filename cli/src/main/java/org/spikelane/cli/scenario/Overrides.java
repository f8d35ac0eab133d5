package org.spikelane.cli.scenario;

import java.util.List;
import java.util.Map;

/**
 * Replaces one value of a scenario tree, addressed by a dotted path: {@code duration},
 * {@code inputs.0.amplitude}, {@code populations.lif.params.tau_m} (a list of named items may be
 * indexed by name). Used by {@code run --set} and by {@code sweep --vary}.
 */
public final class Overrides {
    private Overrides() {}

    /**
     * Sets {@code path} to {@code value} in {@code root}, creating a missing last key.
     *
     * @param option how the user wrote it, used in error messages (e.g. "--set duration=1 s")
     * @return the canonical path (names replaced by indices), for the source map
     */
    @SuppressWarnings("unchecked")
    public static String set(Map<String, Object> root, String path, Object value, String option) {
        String[] parts = path.split("\\.");
        Object node = root;
        StringBuilder canonical = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) throw bad(option, "empty segment in path '" + path + "'");
            boolean last = i == parts.length - 1;
            if (node instanceof Map<?, ?> m) {
                Map<String, Object> map = (Map<String, Object>) m;
                append(canonical, part);
                if (last) {
                    map.put(part, value);
                } else {
                    if (!map.containsKey(part)) throw bad(option, "'" + canonical + "' does not exist in the scenario");
                    node = map.get(part);
                }
            } else if (node instanceof List<?> l) {
                List<Object> list = (List<Object>) l;
                int index = index(list, part, option, canonical.toString());
                append(canonical, Integer.toString(index));
                if (last) list.set(index, value);
                else node = list.get(index);
            } else {
                throw bad(option, "'" + canonical + "' is a single value; it has no '" + part + "'");
            }
        }
        return canonical.toString();
    }

    private static int index(List<Object> list, String part, String option, String where) {
        if (part.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(part);
            if (index >= list.size()) {
                throw bad(option, "'" + where + "' has " + list.size() + " items; index " + index + " is out of range");
            }
            return index;
        }
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k) instanceof Map<?, ?> item && part.equals(item.get("name"))) return k;
        }
        throw bad(option, "'" + where + "' has no item named '" + part + "' (use an index or a name)");
    }

    private static void append(StringBuilder b, String part) {
        if (!b.isEmpty()) b.append('.');
        b.append(part);
    }

    private static ScenarioException bad(String option, String problem) {
        return new ScenarioException(option, null, null, problem);
    }

    /** Splits "path=value" at the first '='. */
    public static String[] split(String option, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) throw bad(option, "expected path=value, got '" + text + "'");
        return new String[] {text.substring(0, eq).strip(), text.substring(eq + 1).strip()};
    }
}
