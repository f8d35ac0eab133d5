package org.spikelane.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import org.spikelane.cli.scenario.ScenarioException;

/**
 * The points of a sweep: every combination of the values of its {@code --vary} options, the first
 * option varying slowest (as nested loops written in the order of the options).
 */
public record Grid(List<VarySpec> axes) {
    /** More points than this is almost certainly a typo in a COUNT. */
    public static final int MAX_POINTS = 1_000_000;

    public Grid {
        axes = List.copyOf(axes);
    }

    public static Grid of(List<String> options) {
        List<VarySpec> axes = new ArrayList<>();
        long points = 1;
        for (String text : options) {
            VarySpec v = VarySpec.parse(text);
            for (VarySpec before : axes) {
                if (before.path().equals(v.path())) {
                    throw new ScenarioException(v.option(), null, null, "'" + v.path() + "' is varied already by " + before.option());
                }
            }
            points *= v.count();
            if (points > MAX_POINTS) {
                throw new ScenarioException(v.option(), null, null, "the grid would have " + points + " points or more; at most "
                        + MAX_POINTS + " are allowed");
            }
            axes.add(v);
        }
        return new Grid(axes);
    }

    public int dimensions() { return axes.size(); }

    public VarySpec axis(int a) { return axes.get(a); }

    public int points() {
        int n = 1;
        for (VarySpec v : axes) n *= v.count();
        return n;
    }

    /** The value index of {@code axis} at {@code point}. */
    public int index(int point, int axis) {
        int stride = 1;
        for (int a = axes.size() - 1; a > axis; a--) stride *= axes.get(a).count();
        return point / stride % axes.get(axis).count();
    }

    /** The point whose value indices are {@code indices} (one per axis). */
    public int point(int... indices) {
        int p = 0;
        for (int a = 0; a < axes.size(); a++) p = p * axes.get(a).count() + indices[a];
        return p;
    }

    /** The settings that make the scenario of {@code point}. */
    public List<Setting> settings(int point) {
        List<Setting> s = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            VarySpec v = axes.get(a);
            s.add(new Setting(v.option(), v.path(), v.text(index(point, a))));
        }
        return s;
    }
}
