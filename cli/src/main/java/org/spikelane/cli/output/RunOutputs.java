package org.spikelane.cli.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.spikelane.Simulation;
import org.spikelane.cli.Runner;
import org.spikelane.cli.plot.Charts;
import org.spikelane.cli.plot.PlotContext;
import org.spikelane.cli.plot.RasterPlot;
import org.spikelane.cli.plot.StatsPlot;
import org.spikelane.cli.plot.RatesBoxPlot;
import org.spikelane.cli.plot.TracesPlot;

/** The files of one {@code run}, written together through an {@link OutputDir}. */
public final class RunOutputs {
    public static final String SPIKES = "spikes.csv";
    public static final String STATE = "state.csv";
    public static final String SUMMARY = "summary.json";
    public static final String TRACES = "traces.png";
    public static final String RASTER = "raster.png";
    public static final String RATES = "rates.csv";
    public static final String STATS = "stats.png";
    public static final String RATES_BOX = "rates-box.png";

    /**
     * Every file a run can write; a run without state recording writes neither state.csv nor
     * traces.png, a run of one population no rates-box.png.
     */
    public static final Set<String> ALL = Set.of(SPIKES, STATE, SUMMARY, TRACES, RASTER, RATES, STATS, RATES_BOX);

    private RunOutputs() {}

    /**
     * Writes every output of {@code result} into {@code out} and replaces the earlier run's set
     * with it; returns the files written. {@code status} hears "writing NAME" before each file
     * (a long run's CSVs and plots take seconds).
     */
    public static List<Path> write(Runner.Result result, OutputDir out, Consumer<String> status) throws IOException {
        Simulation sim = result.simulation();
        List<String> names = new ArrayList<>(List.of(SPIKES, RATES));
        boolean state = !sim.stateRecorders().isEmpty();
        boolean traces = TracesPlot.hasTraces(sim);
        if (state) names.add(STATE);
        names.add(SUMMARY);
        if (traces) names.add(TRACES);
        names.add(RASTER);
        boolean stats = StatsPlot.applies(sim);
        if (stats) names.add(STATS);
        boolean box = RatesBoxPlot.wanted(sim);
        if (box) names.add(RATES_BOX);
        status.accept("writing " + SPIKES);
        out.write(SPIKES, o -> SpikesCsv.write(sim.spikes(), sim.dt(), o));
        RateBins rates = RateBins.of(sim, result.firstStep(), result.steps());
        SmoothedRates smoothed = SmoothedRates.of(sim, rates, org.spikelane.cli.scenario.RateSmoothingWidth.of(result.scenario()));
        out.write(RATES, o -> RatesCsv.write(rates, smoothed, o));
        if (state) status.accept("writing " + STATE);
        if (state) out.write(STATE, o -> StateCsv.write(sim.stateRecorders(), sim.dt(), o));
        status.accept("writing " + SUMMARY);
        out.write(SUMMARY, o -> SummaryJson.write(SummaryJson.of(result, out.runId(), names), o));
        PlotContext context = PlotContext.of(result.scenario(), sim, result.steps());
        if (traces) {
            status.accept("drawing " + TRACES);
            out.write(TRACES, o -> Charts.writePng(TracesPlot.draw(sim, result.firstStep(), result.steps(), context), o));
        }
        status.accept("drawing " + RASTER);
        out.write(RASTER, o -> Charts.writePng(RasterPlot.draw(sim, result.firstStep(), result.steps(), rates, context), o));
        if (stats) {
            status.accept("drawing " + STATS);
            out.write(STATS, o -> Charts.writePng(StatsPlot.draw(sim, result.firstStep(), result.steps(), context), o));
        }
        if (box) status.accept("drawing " + RATES_BOX);
        if (box) out.write(RATES_BOX, o -> Charts.writePng(RatesBoxPlot.draw(sim, result.firstStep(), result.steps()), o));
        return out.commit();
    }
}
