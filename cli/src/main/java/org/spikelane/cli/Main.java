package org.spikelane.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spikelane} command: run, sweep, plugins, validate, nir. */
@Command(name = "spikelane", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Simulates leaky integrate-and-fire neurons described in a YAML scenario file.",
        subcommands = {RunCommand.class, SweepCommand.class, PluginsCommand.class, ValidateCommand.class,
                org.spikelane.cli.nir.NirCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    /** Exit code for a scenario or usage error (a one-line message names file, line and field). */
    public static final int BAD_INPUT = 2;
    /** Exit code for any other failure (e.g. an output folder that cannot be written). */
    public static final int FAILED = 1;

    static {
        // plots are drawn off screen; never try to reach a display
        System.setProperty("java.awt.headless", "true");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        // failures on other threads (the plotting library's disposer) would print the JVM's own
        // trace; the command's thread reports a full heap itself, anything else gets one line
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) return;
            System.err.println("error: internal error in thread " + thread.getName() + ": " + e.getClass().getSimpleName()
                    + " (please report it; " + Errors.DEBUG + "=1 prints the stack trace)");
            if (Errors.debug()) e.printStackTrace();
        });
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (used by the tests too). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        try {
            // before any command touches the vector kernels: a bad width would otherwise surface as an
            // ExceptionInInitializerError, and the kernels would stay unusable for the JVM's lifetime
            org.spikelane.simd.Simd.Width.requested();
            CommandLine cl = new CommandLine(new Main());
            cl.setOut(out);
            cl.setErr(err);
            cl.setExecutionExceptionHandler(new Errors());
            HelpText.addTo(cl);
            return cl.execute(args);
        } catch (RuntimeException | OutOfMemoryError | ExceptionInInitializerError e) {
            // picocli hands only Exceptions to the handler; Errors thrown by a command arrive here
            return Errors.report(e, err);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"spikelane " + Version.spikelane(), "JDK " + Version.jdk()};
        }
    }
}
