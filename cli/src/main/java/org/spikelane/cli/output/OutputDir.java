package org.spikelane.cli.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's outputs so that a failed or interrupted run never leaves a half-written file over
 * an earlier result: each file goes to a hidden temporary file in the same folder, and only when
 * all of them are complete are they renamed over the old ones ({@link #commit}). {@link #close}
 * removes the temporary files of a run that did not commit.
 */
public final class OutputDir implements AutoCloseable {
    /** Writes one file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path dir;
    private final Map<String, Path> pending = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private boolean committed;
    /** Removes the temporary files if the JVM is stopped (Ctrl-C) while they are being written. */
    private final Thread cleanup = new Thread(this::deletePending, "spikelane-output-cleanup");

    /** Creates the folder if needed and refuses target names that are folders (the rename would fail late). */
    public OutputDir(Path dir, List<String> names) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        for (String name : names) {
            Path target = dir.resolve(name);
            if (Files.isDirectory(target)) {
                throw new IOException(target + " is a folder; cannot write an output file there");
            }
        }
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    public Path dir() { return dir; }

    /** Writes {@code name} to its temporary file now; it replaces the real one at {@link #commit}. */
    public void write(String name, Content content) throws IOException {
        // not Files.createTempFile: that makes the file owner-only (0600); outputs should be readable like any file
        Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        pending.put(name, tmp);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16)) {
            content.writeTo(out);
        }
    }

    /** Renames every written file over its target (atomically where the file system allows). */
    public List<Path> commit() throws IOException {
        List<Path> done = new ArrayList<>();
        for (var e : new ArrayList<>(pending.entrySet())) {
            Path target = dir.resolve(e.getKey());
            try {
                Files.move(e.getValue(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException unsupported) {
                Files.move(e.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            done.add(target);
        }
        pending.clear();
        committed = true;
        return done;
    }

    /** Deletes temporary files left by a run that failed before {@link #commit}. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to run; it deletes the same files
        }
        if (!committed) deletePending();
    }

    private void deletePending() {
        List<Path> files;
        synchronized (pending) {
            files = new ArrayList<>(pending.values());
        }
        for (Path tmp : files) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: a stray hidden .tmp file is harmless, the real outputs are untouched
            }
        }
        pending.clear();
    }
}
