package org.spikelane.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * What {@code run --checkpoint / --checkpoint-at / --resume} asked for, checked before the
 * simulation is built so that a mistake costs no simulated time.
 *
 * @param checkpoint     file to write, or null
 * @param checkpointStep absolute step at which to write it (between steps)
 * @param resume         checkpoint to continue from, or null
 */
public record CheckpointPlan(Path checkpoint, long checkpointStep, Path resume) {
    public static final CheckpointPlan NONE = new CheckpointPlan(null, -1, null);

    public boolean writes() { return checkpoint != null; }

    static CheckpointPlan of(Scenario scenario, Path checkpoint, String at, Path resume) {
        if (at != null && checkpoint == null) {
            throw new IllegalArgumentException("--checkpoint-at: needs --checkpoint FILE, the file to write");
        }
        if (resume != null && !Files.isRegularFile(resume)) {
            throw new IllegalArgumentException("--resume: " + resume + " is not a file");
        }
        if (checkpoint == null) return new CheckpointPlan(null, -1, resume);
        Path dir = checkpoint.toAbsolutePath().getParent();
        if (Files.isDirectory(checkpoint)) throw new IllegalArgumentException("--checkpoint: " + checkpoint + " is a folder");
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IllegalArgumentException("--checkpoint: folder " + dir + " does not exist or is not writable");
        }
        long steps = scenario.steps();
        long step = steps;
        if (at != null) {
            double seconds = Units.parse(at, Dimension.TIME, "--checkpoint-at");
            double duration = steps * scenario.dt();
            if (!(seconds >= 0) || seconds > duration) {
                throw new IllegalArgumentException("--checkpoint-at: must be a time in [0 s, " + Units.format(duration, Dimension.TIME)
                        + "] (the scenario's duration), got " + at);
            }
            step = Math.round(seconds / scenario.dt());
        }
        return new CheckpointPlan(checkpoint, step, resume);
    }
}
