package org.spikelane.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The output folder of one run, replaced as a set: a failed or interrupted run never leaves a
 * half-written file over an earlier result, nor new files beside the files of an earlier run.
 *
 * <p>{@link #open} is called before the simulation: it checks the folder (one line naming the
 * problem), removes the temporary folders of runs that were killed, and creates this run's
 * temporary folder, {@code .spikelane-tmp-<pid>-<nanos>}, inside the output folder (so that every
 * move is a rename on one file system). {@link #write} fills it; {@link #commit} moves the earlier
 * run's outputs aside, moves the new files in ({@code summary.json} last) and deletes the earlier
 * ones, putting them back if a move fails. {@link #close} deletes the temporary folder of a run
 * that did not commit.
 *
 * <p>Why files are moved one by one rather than the folder swapped whole: the output folder may
 * hold the user's own files ({@code --out .}), which must stay where they are.
 */
public final class OutputDir implements AutoCloseable {
    /** Writes one file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Temporary folders start with this, then the pid of the run that made them. */
    static final String TEMP_PREFIX = ".spikelane-tmp-";
    /** Every file name a spikelane command writes: the only names a commit deletes. */
    public static final Set<String> OUTPUT_NAMES = Set.of("spikes.csv", "state.csv", "summary.json", "traces.png",
            "raster.png", "rates.csv", "fi.csv", "fi.png", "sweep.csv", "sweep.png", "sweep.parquet", "spikes.parquet");
    /** The outputs that are folders (a Parquet data set partitioned into subfolders), replaced whole like a file. */
    public static final Set<String> FOLDER_NAMES = Set.of("spikes.parquet");
    private static final String SUMMARY = "summary.json";

    private final Path dir;
    private final Path temp;
    private final Set<String> commandOutputs;
    private final Set<String> written = new LinkedHashSet<>();
    private boolean committed;
    /** Removes the temporary folder if the JVM is stopped (Ctrl-C) while it is being written. */
    private final Thread cleanup;

    private OutputDir(Path dir, Path temp, Set<String> commandOutputs) {
        this.dir = dir;
        this.temp = temp;
        this.commandOutputs = commandOutputs;
        this.cleanup = new Thread(() -> deleteTree(temp), "spikelane-output-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Checks {@code dir} (created if missing), cleans up after killed runs and creates this run's
     * temporary folder. Call it before the simulation, so that an unusable folder costs no run.
     *
     * @param commandOutputs the files this command can write (a run's five, a sweep's three): an
     *     earlier summary.json without a file list had these
     * @throws IllegalArgumentException one line naming the folder and its problem
     */
    public static OutputDir open(Path dir, Set<String> commandOutputs) throws IOException {
        String label = "output folder " + dir;
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing != null && !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(label + ": " + (existing.equals(dir.toAbsolutePath()) ? "is a file, not a folder"
                    : existing + " is a file, not a folder"));
        }
        if (existing != null && readOnly(existing)) {
            throw new IllegalArgumentException(label + ": " + (existing.equals(dir.toAbsolutePath()) ? "the folder is read-only"
                    : "cannot create it: " + existing + " is read-only"));
        }
        for (String name : commandOutputs) {
            if (!FOLDER_NAMES.contains(name) && Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(label + ": " + name + " is a folder; cannot write an output file there");
            }
        }
        Path temp;
        try {
            Files.createDirectories(dir);
            removeAbandoned(dir);
            temp = Files.createDirectory(dir.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-" + System.nanoTime()));
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(label + ": " + e.getFile() + " is a file, not a folder");
        } catch (java.nio.file.FileSystemException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            throw new IllegalArgumentException(label + ": cannot write there (" + reason + ")");
        }
        return new OutputDir(dir, temp, Set.copyOf(commandOutputs));
    }

    /**
     * A folder nobody may write to. Files.isWritable alone is not enough: it asks the kernel,
     * which lets root write anywhere, yet a folder made read-only says what its owner wants.
     */
    private static boolean readOnly(Path folder) {
        if (!Files.isWritable(folder)) return true;
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(folder);
            return !p.contains(PosixFilePermission.OWNER_WRITE) && !p.contains(PosixFilePermission.GROUP_WRITE)
                    && !p.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException notPosix) {
            return false;
        }
    }

    /**
     * Deletes the temporary folders of runs that are no longer alive: killed with SIGKILL, their
     * shutdown hook never ran. A pid that is alive but belongs to a process started after the
     * folder was made has been reused, so its folder is abandoned too.
     */
    static void removeAbandoned(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
            for (Path entry : entries) {
                String rest = entry.getFileName().toString().substring(TEMP_PREFIX.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                if (!alive(pid, entry)) deleteTree(entry);
            }
        }
    }

    private static boolean alive(long pid, Path folder) throws IOException {
        var process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) return false;
        Instant made = Files.readAttributes(folder, BasicFileAttributes.class).creationTime().toInstant();
        return process.get().info().startInstant().map(started -> !started.isAfter(made.plusSeconds(1))).orElse(true);
    }

    public Path dir() { return dir; }

    /** Writes {@code name} into the temporary folder now; it replaces the real one at {@link #commit}. */
    public void write(String name, Content content) throws IOException {
        // not Files.createTempFile: that makes the file owner-only (0600); outputs should be readable like any file
        Path file = temp.resolve(name);
        written.add(name);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16)) {
            content.writeTo(out);
        }
    }

    /**
     * Creates output folder {@code name} (one of {@link #FOLDER_NAMES}) in the temporary folder for
     * the caller to fill; it replaces the real one at {@link #commit}, like a file.
     */
    public Path folder(String name) throws IOException {
        if (!FOLDER_NAMES.contains(name)) throw new IllegalArgumentException("not an output folder: " + name);
        written.add(name);
        return Files.createDirectory(temp.resolve(name));
    }

    /**
     * Replaces the earlier run's outputs by this run's, as a set: the files of the earlier run that
     * this one did not write are removed, so nothing of it stays beside the new files.
     *
     * @return the files of this run, in the order written
     * @throws IOException if a move fails; the earlier outputs are then back in place
     */
    public List<Path> commit() throws IOException {
        Path aside = Files.createDirectory(temp.resolve(".earlier"));
        List<String> earlier = new ArrayList<>();
        for (String name : earlierOutputs()) {
            Path old = dir.resolve(name);
            if (Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)
                    || FOLDER_NAMES.contains(name) && Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
                move(old, aside.resolve(name));
                earlier.add(name);
            }
        }
        // summary.json last: once it is there, every file it lists is too
        List<String> order = new ArrayList<>(written);
        if (order.remove(SUMMARY)) order.add(SUMMARY);
        List<String> moved = new ArrayList<>();
        try {
            for (String name : order) {
                move(temp.resolve(name), dir.resolve(name));
                moved.add(name);
            }
        } catch (IOException e) {
            for (String name : moved) deleteTree(dir.resolve(name));
            for (String name : earlier) move(aside.resolve(name), dir.resolve(name));
            throw new IOException("could not replace the outputs in " + dir + " (" + e.getMessage() + "); the earlier ones are kept", e);
        }
        committed = true;
        deleteTree(temp);
        return written.stream().map(dir::resolve).toList();
    }

    /**
     * The files of the run before this one: those its summary.json lists, or, for a summary
     * written before summaries listed their files, every file this command writes. Only output
     * names count, so an edited summary cannot make a commit delete anything else.
     */
    private Set<String> earlierOutputs() {
        Path summary = dir.resolve(SUMMARY);
        Set<String> names = new LinkedHashSet<>();
        if (!Files.isRegularFile(summary)) return names;
        try {
            JsonNode files = new ObjectMapper().readTree(summary.toFile()).get("files");
            if (files != null && files.isArray()) {
                files.forEach(f -> names.add(f.asText()));
            } else {
                names.addAll(commandOutputs);
            }
        } catch (IOException | RuntimeException unreadable) {
            names.addAll(commandOutputs);
        }
        names.add(SUMMARY);
        names.retainAll(OUTPUT_NAMES);
        return names;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException unsupported) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the temporary folder of a run that failed before {@link #commit}. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to run; it deletes the same folder
        }
        if (!committed) deleteTree(temp);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a stray hidden folder is harmless, and the next run removes it
        }
    }
}
