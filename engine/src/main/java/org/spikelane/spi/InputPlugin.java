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
}
