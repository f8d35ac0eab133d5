package org.spikelane.spi;

/**
 * A current source such as a bias, a step or a sine. Found with {@link java.util.ServiceLoader}
 * (module path: {@code provides org.spikelane.spi.InputPlugin with ...}; class path:
 * {@code META-INF/services/org.spikelane.spi.InputPlugin}).
 *
 * <p>The engine validates the user's values against {@link #params()} before calling
 * {@link #create}; {@code create} does the checks that involve several parameters (e.g. stop
 * before start) and converts every time to steps once, with {@link InputContext#toSteps}.
 */
public interface InputPlugin extends Plugin {
    /** Builds the per-population kernel. Throw {@link Params#error} for invalid combinations. */
    InputKernel create(InputContext context, Params params);

    /**
     * Builds the kernel for a target under {@code precision: fixed}: int arithmetic on
     * {@link FixedTarget#drive()}, values quantized once here. A plugin that does not override
     * this supports float32 only, and a fixed-point run that uses it stops with this error.
     */
    default FixedInputKernel createFixed(InputContext context, Params params, FixedTarget target) {
        throw new ParameterException(context.owner(), null, "plugin '" + name() + "' supports precision float32 only "
                + "(it has no fixed-point kernel); run with precision: float32");
    }
}
