package org.spikelane.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.spikelane.cli.scenario.ScenarioException;
import picocli.CommandLine;

/**
 * Turns failures into one line on stderr and an exit code: 2 for a bad scenario or value (the
 * message names file, line and field), 1 for anything else. No stack traces for user mistakes.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        if (e instanceof ScenarioException || e instanceof IllegalArgumentException
                || e instanceof org.spikelane.state.CheckpointException) {
            err.println("error: " + oneLine(e.getMessage()));
            err.flush();
            return Main.BAD_INPUT;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println("error: " + oneLine(e.getMessage()));
            err.flush();
            return Main.FAILED;
        }
        err.println("error: " + e);
        e.printStackTrace(err);
        err.flush();
        return Main.FAILED;
    }

    static String oneLine(String message) {
        return message == null ? "(no message)" : message.replace('\n', ' ').strip();
    }
}
