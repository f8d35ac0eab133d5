package org.spikelane.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.spikelane.cli.scenario.ScenarioException;
import picocli.CommandLine;

/**
 * Turns failures into one line on stderr and an exit code: 2 for a bad scenario or value (the
 * message names file, line and field), 1 for anything else. A command-line user never sees a
 * stack trace: a failure nobody anticipated is still one line, naming the exception, and
 * {@code SPIKELANE_DEBUG=1} adds the trace for whoever reports it.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {
    /** The environment variable that asks for stack traces of unexpected failures. */
    static final String DEBUG = "SPIKELANE_DEBUG";

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        return report(e, cl.getErr());
    }

    /** Prints {@code failure} as error lines and returns the exit code for it. */
    static int report(Throwable failure, PrintWriter err) {
        Throwable e = failure instanceof ExceptionInInitializerError init && init.getCause() != null ? init.getCause() : failure;
        int code;
        if (e instanceof CommandFailure f) {
            for (String line : f.lines()) err.println("error: " + oneLine(line));
            code = f.exitCode();
        } else if (e instanceof ScenarioException || e instanceof IllegalArgumentException
                || e instanceof org.spikelane.state.CheckpointException) {
            err.println("error: " + oneLine(e.getMessage()));
            code = Main.BAD_INPUT;
        } else if (e instanceof IOException || e instanceof UncheckedIOException || e instanceof IllegalStateException) {
            // I/O problems and limits the engine states in words (a recording too large for one array)
            err.println("error: " + oneLine(e.getMessage()));
            code = Main.FAILED;
        } else if (e instanceof OutOfMemoryError) {
            err.println("error: " + outOfMemory());
            code = Main.FAILED;
        } else {
            err.println("error: internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
                    + " (please report it; " + DEBUG + "=1 prints the stack trace)");
            code = Main.FAILED;
        }
        if (debug()) failure.printStackTrace(err);
        err.flush();
        return code;
    }

    /**
     * The line for a heap that filled up anyway (the estimate leaves out spike recordings and the
     * plots). Built only after the failed run's objects are unreachable, so it has room to allocate.
     */
    static String outOfMemory() {
        long need = Runtime.getRuntime().maxMemory();
        return "out of memory: the run filled the Java heap of " + MemorySize.format(need) + "; " + Preflight.wayOut(need * 2);
    }

    static boolean debug() {
        String v = System.getenv(DEBUG);
        return v != null && !v.isBlank() && !v.equals("0");
    }

    static String oneLine(String message) {
        return message == null ? "(no message)" : message.replace('\n', ' ').strip();
    }
}
