package org.spikelane.cli.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.InputEvents;
import org.spikelane.record.StateRecorder;

/**
 * The scenario's input events matched to the recorded neurons they act on. A pulse to a random
 * neuron is found where it shows: the recorded neuron whose input current {@code I} jumps at the
 * event's step, by far more than any other's.
 */
public final class EventHits {
    /**
     * @param time       the event's time in seconds
     * @param population the population acted on, or null when the event reaches whatever its source projects onto (a generator's spike)
     * @param neurons    the recorded neurons it acts on, in recording order (empty if none of them)
     * @param found      whether the neurons were found in the recorded current (a random pulse)
     */
    public record Hit(InputEvents.Event event, double time, String population, List<Integer> neurons, boolean found) {
        public boolean hits(String pop, int neuron) {
            return population == null || (population.equals(pop) && neurons.contains(neuron));
        }
    }

    /** A jump this many times the next largest one is the pulse, not the neuron's own dynamics. */
    private static final double CLEAR = 5;

    private EventHits() {}

    public static List<Hit> of(Simulation sim, InputEvents events) {
        List<Hit> out = new ArrayList<>();
        for (InputEvents.Event e : events.all()) {
            if (e.target().isEmpty()) {
                out.add(new Hit(e, e.step() * sim.dt(), null, List.of(), false));
                continue;
            }
            Set<Integer> hit = new LinkedHashSet<>();
            boolean found = false;
            for (StateRecorder r : sim.stateRecorders()) {
                if (!r.population().equals(e.target()) || r.samples() == 0) continue;
                if (e.random()) {
                    int n = jumpAt(r, e.step());
                    if (n >= 0) { hit.add(n); found = true; }
                } else {
                    for (int n : r.neurons()) if (e.neurons() == null || contains(e.neurons(), n)) hit.add(n);
                }
            }
            out.add(new Hit(e, e.step() * sim.dt(), e.target(), List.copyOf(hit), found));
        }
        return out;
    }

    /** The recorded neuron whose I jumps clearly most at {@code step}, or -1. */
    private static int jumpAt(StateRecorder r, long step) {
        if (r.variables().stream().noneMatch(v -> v.name().equals("I"))) return -1;
        int s = 0;
        while (s < r.samples() && r.step(s) < step) s++;
        if (s == 0 || s == r.samples()) return -1;
        int best = -1;
        double bestJump = 0;
        double second = 0;
        for (int n : r.neurons()) {
            double[] i = r.trace("I", n);
            double jump = Math.abs(i[s] - i[s - 1]);
            if (jump > bestJump) {
                second = bestJump;
                bestJump = jump;
                best = n;
            } else {
                second = Math.max(second, jump);
            }
        }
        return bestJump > 0 && bestJump > CLEAR * second ? best : -1;
    }

    private static boolean contains(int[] a, int x) {
        for (int v : a) if (v == x) return true;
        return false;
    }
}
