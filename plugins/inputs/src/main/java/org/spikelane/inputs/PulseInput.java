package org.spikelane.inputs;

import java.util.List;
import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Range;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;
import org.spikelane.units.Dimension;

/**
 * {@code pulse}: current pulses triggered by events (see {@link PulseEventsParser} for the event
 * forms). An event that falls on step k shows in the current of step k; a pulse driven by a spike
 * at step s therefore shows from step s + 1. Shapes: {@link ExponentialPulses} (jump, decay with
 * {@code tau}, superpose; their effect on v is exact: through the target's {@code dv} under
 * float32, its jump under fixed, a scaled held current under loihi) and {@link InversePulses} ({@code amplitude / (1 + alpha (t - t_event))},
 * restarting at each event, held per step).
 *
 * <p>Events are triggered once per step, in the kernel's {@code beginStep}, into the shape's
 * per-slot state; each neuron range then adds the pulses of its own slots, so an event on one
 * neuron shows only in the range that holds it however the step is split.
 */
public final class PulseInput implements InputPlugin {
    static final String EVENTS = PulseEventsParser.PARAM;
    static final String SHAPE = "shape";
    static final String AMPLITUDE = "amplitude";
    static final String TAU = "tau";
    static final String ALPHA = "alpha";
    static final String EXPONENTIAL = "exponential";
    static final String INVERSE = "inverse";

    @Override public String name() { return "pulse"; }

    @Override public String description() {
        return "current pulses (exponential or 1/(1 + alpha t)) at scheduled, periodic random, or spike events";
    }

    @Override public List<ParamSpec> params() {
        return List.of(
                ParamSpec.structure(EVENTS, true, "{times: [..], neurons: [..]}, {every: 500 ms, random_neuron: true,"
                        + " start: <default every>, count: <default unlimited>} or {from: <population of the same size>}"),
                ParamSpec.choice(SHAPE, EXPONENTIAL, List.of(EXPONENTIAL, INVERSE),
                        "exponential: jump then decay with tau; inverse: amplitude / (1 + alpha (t - t_event))"),
                ParamSpec.quantity(AMPLITUDE, Dimension.CURRENT, null, Range.any(), "pulse height at the event"),
                ParamSpec.quantity(TAU, Dimension.TIME, 2e-3, Range.positive(), "decay time of the exponential shape"),
                ParamSpec.quantity(ALPHA, Dimension.FREQUENCY, 1000.0, Range.positive(),
                        "rate of the inverse shape (the current halves 1/alpha after the event)"));
    }

    @Override public InputKernel create(InputContext context, Params params) {
        boolean exponential = exponential(params);
        Targets targets = new Targets(context);
        PulseEventSource events = PulseEventsParser.parse(context, params, targets);
        double amplitude = params.get(AMPLITUDE);
        PulseShape shape = exponential
                ? new ExponentialPulses(targets, amplitude, params.get(TAU), context.dt(), context.target(), context.dv())
                : new InversePulses(targets, amplitude, params.get(ALPHA), context.dt());
        return new InputKernel() {
            @Override public void beginStep(long step) {
                events.emit(step, shape);
                shape.beginStep(step);
            }

            @Override public void addCurrent(long step, int from, int to, float[] current) {
                shape.addCurrent(step, from, to, current);
            }

            @Override public void declareState(StateDeclarer s) { declarePulses(s, targets, events, shape); }
        };
    }

    /**
     * The same events and shapes in int arithmetic: {@link FixedExponentialPulses} (int state per
     * target, quantized leak, exact correction into the jump) or {@link InversePulses#addDrive} (quantized amplitude over the age factor).
     */
    @Override public FixedInputKernel createFixed(InputContext context, Params params, FixedTarget target) {
        boolean exponential = exponential(params);
        Targets targets = new Targets(context);
        PulseEventSource events = PulseEventsParser.parse(context, params, targets);
        double amplitude = params.get(AMPLITUDE);
        if (exponential) {
            FixedExponentialPulses shape = new FixedExponentialPulses(targets, target, FixedDrive.quantize(target, targets, amplitude, context.owner(), AMPLITUDE),
                    params.get(TAU), context.dt());
            return new FixedInputKernel() {
                @Override public void beginStep(long step) {
                    events.emit(step, shape);
                    shape.beginStep();
                }

                @Override public void addDrive(long step, int from, int to, int[] drive) { shape.addDrive(from, to, drive); }

                @Override public void declareState(StateDeclarer s) { declarePulses(s, targets, events, shape); }
            };
        }
        InversePulses shape = new InversePulses(targets, amplitude, params.get(ALPHA), context.dt());
        int[] amplitudes = FixedDrive.quantize(target, targets, amplitude, context.owner(), AMPLITUDE);
        return new FixedInputKernel() {
            @Override public void beginStep(long step) { events.emit(step, shape); }

            @Override public void addDrive(long step, int from, int to, int[] drive) {
                shape.addDrive(target, step, from, to, drive, amplitudes);
            }

            @Override public void declareState(StateDeclarer s) {
                declarePulses(s, targets, events, shape);
                s.array("pulse.amplitude", Role.PARAMETER, "LSB_v", amplitudes);
            }
        };
    }

    private static void declarePulses(StateDeclarer s, Targets targets, PulseEventSource events, StateOwner shape) {
        targets.declareState(s);
        events.declareState(s);
        shape.declareState(s);
    }

    /** The chosen shape, after checking that only its own width parameter was given. */
    private static boolean exponential(Params params) {
        boolean exponential = params.choice(SHAPE).equals(EXPONENTIAL);
        if (exponential && params.given(ALPHA)) {
            throw params.error(ALPHA, "applies to shape 'inverse' only; the exponential pulse's width is tau");
        }
        if (!exponential && params.given(TAU)) {
            throw params.error(TAU, "applies to shape 'exponential' only; the inverse pulse's width is 1/alpha");
        }
        return exponential;
    }
}
