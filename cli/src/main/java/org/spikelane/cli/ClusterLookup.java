package org.spikelane.cli;

import java.util.ServiceLoader;
import org.spikelane.cli.sweep.SweepCluster;

/** Finds the {@link SweepCluster} an option names; its module is on the class path only when the launcher put it there. */
final class ClusterLookup {
    private ClusterLookup() {}

    static SweepCluster find(String name) {
        for (SweepCluster c : ServiceLoader.load(SweepCluster.class)) {
            if (c.name().equals(name)) return c;
        }
        throw new CommandFailure(Main.BAD_INPUT, "--" + name + ": the " + name + " module is not on the class path; start the sweep with"
                + " ./spikelane, which builds it and adds it when --" + name + " is given (docs/scale-out.md)");
    }
}
