package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/run-without-incubator-warning, which ./spikelane runs its JVM through: the JVM's one
 * "WARNING: Using incubator modules: jdk.incubator.vector" line is dropped and nothing else; text
 * without a newline (the progress bar's carriage-return redraws) is passed on while the command
 * still runs; the exit code is the command's; SIGTERM reaches the command. A shell script plays
 * the JVM, so the test needs no build of the launcher's jar.
 */
class IncubatorWarningFilterTest {
    private static final Path WRAPPER = Path.of("..", "bin", "run-without-incubator-warning").toAbsolutePath().normalize();
    private static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector\n";

    @TempDir
    Path tmp;

    @Test
    void dropsExactlyTheWarningPassesPartialLinesAtOnceAndKeepsTheExitCode() throws Exception {
        Path go = tmp.resolve("go");
        String script = "printf '" + WARNING.replace("\n", "\\n") + "first line\\n' >&2; printf '\\rprogress 10%%' >&2;"
                + " while [ ! -e '" + go + "' ]; do sleep 0.05; done;"
                + " printf '\\rprogress 100%%\\n" + WARNING.replace("\n", "") + "X\\nlast, no newline' >&2; echo out; exit 7";
        Process p = new ProcessBuilder(WRAPPER.toString(), "bash", "-c", script).start();
        InputStream err = p.getErrorStream();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        // the command waits for 'go' until the partial progress line has come through: a filter that
        // held text back until a newline would leave this loop reading forever (the test times out)
        String expectedFirst = "first line\n\rprogress 10%";
        while (!seen.toString(StandardCharsets.UTF_8).equals(expectedFirst)) {
            int b = err.read();
            assertTrue(b >= 0, "stderr ended early: " + seen);
            seen.write(b);
            assertTrue(expectedFirst.startsWith(seen.toString(StandardCharsets.UTF_8)), "unexpected stderr: " + seen);
        }
        assertTrue(p.isAlive(), "the partial line came through while the command was still running");
        Files.createFile(go);
        seen.write(err.readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(7, p.exitValue(), "the command's exit code");
        assertEquals(expectedFirst + "\rprogress 100%\n" + WARNING.replace("\n", "") + "X\nlast, no newline",
                seen.toString(StandardCharsets.UTF_8), "everything but the exact warning line, in order");
        assertEquals("out\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void sigtermReachesTheCommandAndExits143() throws Exception {
        Path started = tmp.resolve("started");
        // the command reports SIGTERM on stderr and exits 143, as the JVM does after its shutdown hooks
        String script = "trap 'echo terminated >&2; exit 143' TERM; touch '" + started + "'; while :; do sleep 0.05; done";
        Process p = new ProcessBuilder(WRAPPER.toString(), "bash", "-c", script).start();
        for (int i = 0; i < 1200 && !Files.exists(started); i++) Thread.sleep(50);
        assertTrue(Files.exists(started), "the command started");
        List<ProcessHandle> command = p.descendants().filter(h -> h.info().command().orElse("").endsWith("bash")).toList();
        assertFalse(command.isEmpty(), "the command runs as a child of the wrapper");
        // SIGTERM to the wrapper (Process.destroy would also close the streams this test reads)
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, p.exitValue());
        assertEquals("terminated\n", readAll(p.getErrorStream()), "the command got the signal and its last line came through");
        for (ProcessHandle h : command) {
            assertTrue(h.onExit().get(60, TimeUnit.SECONDS) != null && !h.isAlive(), "the command ended");
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
