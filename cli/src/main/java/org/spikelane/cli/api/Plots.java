package org.spikelane.cli.api;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spikelane.Simulation;
import org.spikelane.cli.Runner;
import org.spikelane.cli.plot.Charts;
import org.spikelane.cli.plot.RasterPlot;
import org.spikelane.cli.plot.StatsPlot;
import org.spikelane.cli.plot.TracesPlot;
import org.spikelane.cli.plot.PlotContext;

/**
 * The plots of {@code spikelane run} from Java: of a scenario's run (titles name each neuron's
 * inputs) or of any simulation built with {@code Network} (recorded with {@code recordState} and
 * {@code recordSpikes}), as images to show or write: {@link #traces}, {@link #raster} and
 * {@link #stats}, the files traces.png, raster.png and stats.png.
 */
public final class Plots {
    private Plots() {}

    /** traces.png of a scenario run: each recorded neuron's v (with threshold), I and other variables. */
    public static BufferedImage traces(Runner.Result result) {
        Simulation sim = result.simulation();
        return TracesPlot.draw(sim, result.firstStep(), result.steps(), PlotContext.of(result.scenario(), sim, result.steps()));
    }

    /** The traces of a simulation built in Java, over the steps it has run. */
    public static BufferedImage traces(Simulation sim) {
        return TracesPlot.draw(sim, 0, sim.stepCount(), PlotContext.none());
    }

    /** raster.png of a scenario run: spikes and rate per population. */
    public static BufferedImage raster(Runner.Result result) {
        Simulation sim = result.simulation();
        return RasterPlot.draw(sim, result.firstStep(), result.steps(), PlotContext.of(result.scenario(), sim, result.steps()));
    }

    /** The raster of a simulation built in Java, over the steps it has run. */
    public static BufferedImage raster(Simulation sim) {
        return RasterPlot.draw(sim, 0, sim.stepCount(), PlotContext.none());
    }

    /**
     * stats.png of a scenario run: per population (or named group) with enough spikes, the spread
     * of the neurons' rates, their ISI CVs and the histogram of all inter-spike intervals, the
     * numbers of summary.json. Null when no population has at least 5 firing neurons and 20
     * intervals, as {@code run} then writes no stats.png.
     */
    public static BufferedImage stats(Runner.Result result) {
        Simulation sim = result.simulation();
        if (!StatsPlot.applies(sim)) return null;
        return StatsPlot.draw(sim, result.firstStep(), result.steps(), PlotContext.of(result.scenario(), sim, result.steps()));
    }

    /** The spike statistics of a simulation built in Java, over the steps it has run; null when too few spikes (see above). */
    public static BufferedImage stats(Simulation sim) {
        if (!StatsPlot.applies(sim)) return null;
        return StatsPlot.draw(sim, 0, sim.stepCount(), PlotContext.none());
    }

    /** Writes the image as a PNG file. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Charts.writePng(image, out);
        }
    }
}
