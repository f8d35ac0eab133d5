package org.spikelane.cli.plot;

import java.awt.geom.Rectangle2D;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * An XChart chart that reports where it drew its plot area, so that {@link Charts#aligned} can
 * line up the plot areas of stacked panels whose axis labels differ in width (XChart sizes the
 * plot area from its own labels, so "-70" and "0.25" start the data at different pixels).
 */
public final class Panel extends XYChart {
    /** Whether the y axis may get round ticks (false keeps ticks on the data: a raster's neuron numbers). */
    private boolean roundYTicks = true;
    /** Where {@link Charts#aligned} placed the last drawing: its left edge in the stacked image. */
    int placedAt;

    Panel(XYChartBuilder builder) {
        super(builder);
    }

    /** The plot area of the last {@code paint}. */
    Rectangle2D plotArea() {
        return plot.getBounds();
    }

    public Panel keepDataTicksOnY() {
        roundYTicks = false;
        return this;
    }

    boolean roundYTicks() { return roundYTicks; }
}
