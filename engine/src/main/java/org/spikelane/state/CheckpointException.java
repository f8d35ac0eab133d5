package org.spikelane.state;

/** A checkpoint that cannot be written or restored; the message is one line naming what differs. */
public final class CheckpointException extends RuntimeException {
    public CheckpointException(String message) { super(message); }

    public CheckpointException(String message, Throwable cause) { super(message, cause); }
}
