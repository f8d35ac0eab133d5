package org.spikelane.neuron;

import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.spi.SpikeSource;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/** A group of neurons updated together; holds the spikes of its most recent step. */
public abstract class Population implements SpikeSource, StateOwner {
    private final String name;
    private final int size;
    /** Spiking neuron indices of the most recent step, in [0, spikeCount). */
    protected final int[] spikes;
    protected int spikeCount;

    protected Population(String name, int size) {
        this.name = name;
        this.size = size;
        this.spikes = new int[size];
    }

    /** Phase NEURON_UPDATE of step {@code step} (docs/semantics.md §2): integrate, threshold, reset. */
    public abstract void update(long step);

    /** Names of the variables a state recorder can sample. */
    public abstract List<String> variableNames();

    /** The variable of that name; throws IllegalArgumentException listing the known ones. */
    public abstract Variable variable(String name);

    @Override public final String name() { return name; }

    @Override public final int size() { return size; }

    @Override public final int spikeCount() { return spikeCount; }

    @Override public final int[] spikes() { return spikes; }

    /** The spikes of the most recent step (inputs of the next step read them); subclasses add their own. */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("spikes", Role.STATE, "neuron", spikes);
        s.scalar("spikeCount", Role.STATE, StateDeclarer.NO_UNIT, () -> spikeCount, n -> spikeCount = (int) n);
    }
}
