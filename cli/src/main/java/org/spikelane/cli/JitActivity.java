package org.spikelane.cli;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How much work the JVM's JIT compiler threads have done so far, so that {@link KernelWarmup} can
 * tell when the compiler has nothing left to do for the step code (no WhiteBox API needed).
 *
 * <p>On Linux: the time, in nanoseconds, that every thread of this process whose name starts with
 * "C1 Compiler" or "C2 Compiler" has spent on a CPU or ready to run and waiting for one (on a
 * loaded machine a busy compiler thread waits much of the time) ({@code /proc/self/task/N/schedstat},
 * nanosecond resolution;
 * listed again when one of them has gone, as the JVM may stop and start them). Elsewhere, or if
 * those files cannot be read: the JVM's accumulated compilation time
 * ({@link CompilationMXBean#getTotalCompilationTime}, milliseconds, counted only when a compilation
 * ends), in nanoseconds. Either way the number only grows, and it stays put while the JIT is idle.
 */
final class JitActivity {
    private static final Path TASKS = Path.of("/proc/self/task");

    private final CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
    private boolean procReadable = Files.isDirectory(TASKS);
    private List<Path> compilerThreads;

    /** The compiler threads' running and ready-to-run time so far, in nanoseconds (see the class comment). */
    long nanos() {
        if (procReadable) {
            try {
                return compilerThreadCpu();
            } catch (IOException | RuntimeException e) {
                procReadable = false; // not Linux-like after all: the coarser counter from now on
            }
        }
        return compilation.isCompilationTimeMonitoringSupported() ? compilation.getTotalCompilationTime() * 1_000_000L : 0;
    }

    /** Whether {@link #nanos} is measured per compiler thread (true) or from finished compilations. */
    boolean perThread() { return procReadable; }

    private long compilerThreadCpu() throws IOException {
        if (compilerThreads == null) compilerThreads = findCompilerThreads();
        long sum = 0;
        for (Path stat : compilerThreads) {
            String line;
            try {
                line = Files.readString(stat);
            } catch (NoSuchFileException gone) { // the JVM stopped that compiler thread: look again next time
                compilerThreads = null;
                continue;
            }
            // schedstat: time on CPU (ns), time runnable but waiting for a CPU (ns), time slices. Both
            // count: a compiler thread with work that the machine's load keeps off the CPU is not idle.
            String[] fields = line.strip().split(" ");
            sum += Long.parseLong(fields[0]) + (fields.length > 1 ? Long.parseLong(fields[1]) : 0);
        }
        return sum;
    }

    /**
     * The schedstat files of the compiler threads, listed once (listing every thread at every
     * look would keep the JIT busy compiling the listing code).
     */
    private static List<Path> findCompilerThreads() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm"));
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) found.add(task.resolve("schedstat"));
                } catch (NoSuchFileException gone) {
                    // a thread that ended while we looked
                }
            }
        }
        if (found.isEmpty()) throw new IOException("no compiler threads in " + TASKS);
        return found;
    }
}
