package org.spikelane.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.spikelane.cli.Main;

/** The CLI run in the tests' JVM, as a user would run it, with its exit code and both streams. */
record CliRuns(int code, String out, String err) {
    static CliRuns execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRuns(code, out.toString(), err.toString());
    }

    /** Runs it and returns what it printed; fails the test unless it exits 0. */
    static String ok(String... args) {
        CliRuns r = execute(args);
        if (r.code != 0) throw new AssertionError("exit " + r.code + ": " + r.err + r.out);
        return r.out;
    }

    static String[] concat(String[] a, String... b) {
        String[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
