package org.spikelane.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The CLI in a child JVM, for tests that kill a run outright (SIGKILL: no shutdown hook, no finally). */
final class ChildRun implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildRun(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code spikelane ARGS} with the given -D properties; its output goes to {@code log}. */
    static ChildRun start(Path log, List<String> properties, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector"));
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.spikelane.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildRun(p, log);
    }

    /** Waits up to {@code seconds} for {@code condition} while the child lives; false if it never held. */
    boolean await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) return condition.getAsBoolean();
            Thread.sleep(20);
        }
        return true;
    }

    /** Waits for {@code text} in the child's output. */
    boolean awaitOutput(String text, int seconds) throws InterruptedException {
        return await(() -> output().contains(text), seconds);
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for the child to end by itself; its exit code, or -1 if it still ran after {@code seconds}. */
    int exitCode(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** SIGKILL on Linux: the child gets no chance to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
