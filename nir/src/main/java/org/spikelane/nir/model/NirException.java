package org.spikelane.nir.model;

/**
 * A NIR file or run request that cannot be honoured: the message is one line naming the node,
 * field or option and what is allowed, so the command line can print it as it is.
 */
public final class NirException extends IllegalArgumentException {
    public NirException(String message) {
        super(message);
    }

    public NirException(String message, Throwable cause) {
        super(message, cause);
    }
}
