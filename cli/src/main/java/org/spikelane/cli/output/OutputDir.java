package org.spikelane.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The output folder of one run, replaced as a set: a failed, interrupted or killed run never
 * leaves a half-written file over an earlier result, nor new files beside the files of an earlier
 * run, nor (after the next run's repair) anything but exactly one run's set.
 *
 * <p>{@link #open} is called before the simulation: it checks the folder (one line naming the
 * problem), finishes a commit that a killed run left half done ({@link CommitJournal}), removes
 * the temporary folders of dead runs ({@link TempFolders}) and creates this run's temporary
 * folder, {@code .spikelane-tmp-<run id>}, inside the output folder (so that every move is a
 * rename on one file system), locked for the run's life. {@link #write} fills it, each file
 * flushed to disk; {@link #commit} writes the journal and carries it out. {@link #close} deletes
 * the temporary folder of a run that did not commit. Repairs, cleanup and commits of runs sharing
 * a folder take turns ({@link FolderLock}).
 *
 * <p>Why files are moved one by one rather than the folder swapped whole: the output folder may
 * hold the user's own files ({@code --out .}), which must stay where they are. The journal makes
 * the moves one step for anyone who looks after a crash; summary.json, removed first and moved
 * in last, makes them one step for readers (see {@link CommitJournal}).
 */
public final class OutputDir implements AutoCloseable {
    /** Writes one file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Every file name a spikelane command writes: the only names a commit deletes. */
    public static final Set<String> OUTPUT_NAMES = Set.of("spikes.csv", "state.csv", "summary.json", "traces.png",
            "raster.png", "rates.csv", "stats.png", "rates-box.png", "fi.csv", "fi.png", "sweep.csv", "sweep.png", "sweep.parquet",
            "spikes.parquet");
    /** The outputs that are folders (a Parquet data set partitioned into subfolders), replaced whole like a file. */
    public static final Set<String> FOLDER_NAMES = Set.of("spikes.parquet");
    private static final String SUMMARY = "summary.json";

    private final Path dir;
    private final String runId;
    private final Path temp;
    /** Held from creation to close: tells other runs this temporary folder is alive. */
    private final FileLock tempLock;
    private final Set<String> commandOutputs;
    private final Set<String> written = new LinkedHashSet<>();
    private boolean committed;
    /**
     * Guards {@link #journaled} and {@link #abandonedByHook}: once the journal is about to be
     * written, the temporary folder belongs to the journal and a Ctrl-C must not delete it.
     */
    private final Object guard = new Object();
    private boolean journaled;
    private boolean abandonedByHook;
    /** Removes the temporary folder if the JVM is stopped (Ctrl-C) while it is being written. */
    private final Thread cleanup;

    private OutputDir(Path dir, String runId, FileLock tempLock, Set<String> commandOutputs) {
        this.dir = dir;
        this.runId = runId;
        this.temp = dir.resolve(TempFolders.PREFIX + runId);
        this.tempLock = tempLock;
        this.commandOutputs = commandOutputs;
        this.cleanup = new Thread(this::abandon, "spikelane-output-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Checks {@code dir} (created if missing), repairs and cleans up after killed runs and creates
     * this run's temporary folder. Call it before the simulation, so that an unusable folder costs
     * no run.
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
        String runId = TempFolders.newRunId();
        FileLock tempLock;
        try {
            Files.createDirectories(dir);
            try (FolderLock held = FolderLock.take(dir)) {
                repair(dir);
                tempLock = TempFolders.create(dir, runId);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(label + ": " + e.getFile() + " is a file, not a folder");
        } catch (java.nio.file.FileSystemException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            throw new IllegalArgumentException(label + ": cannot write there (" + reason + ")");
        }
        return new OutputDir(dir, runId, tempLock, Set.copyOf(commandOutputs));
    }

    /**
     * What every run does first in its output folder, and what a tool may call on its own: finishes
     * a commit a killed run left (so the folder holds exactly one run's set) and removes the
     * temporary folders of dead runs. Does nothing to a folder that does not exist.
     */
    public static void recover(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (FolderLock held = FolderLock.take(dir)) {
            repair(dir);
        }
    }

    private static void repair(Path dir) throws IOException {
        CommitJournal left = CommitJournal.find(dir);
        if (left != null) left.rollForward(dir);
        TempFolders.removeAbandoned(dir);
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

    public Path dir() { return dir; }

    /** The shutdown hook: deletes the temporary folder unless a commit has begun (the journal then finishes it). */
    private void abandon() {
        synchronized (guard) {
            if (journaled) return;
            abandonedByHook = true;
        }
        deleteTree(temp);
    }

    /** This run's id: its temporary folder's name and summary.json's {@code run_id}. */
    public String runId() { return runId; }

    /** Writes {@code name} into the temporary folder now, flushed to disk; it replaces the real one at {@link #commit}. */
    public void write(String name, Content content) throws IOException {
        // not Files.createTempFile: that makes the file owner-only (0600); outputs should be readable like any file
        Path file = temp.resolve(name);
        written.add(name);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(out);
            out.flush();
            // on disk before the journal names it: a crash after the commit point must not find it empty
            channel.force(true);
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
     * this one did not write are removed, so nothing of it stays beside the new files. Once the
     * journal is in place the new set wins, even if this process is killed the next instant.
     *
     * @return the files of this run, in the order written
     * @throws IOException if the set cannot be committed; thrown before the journal is written,
     *     the earlier outputs are then kept whole
     */
    public List<Path> commit() throws IOException {
        Durable.syncFolder(temp);
        CommitStage.reached(CommitStage.FILES_WRITTEN);
        try (FolderLock held = FolderLock.take(dir)) {
            // a run killed in its commit since this one opened the folder: its set first, then this one over it
            repair(dir);
            List<String> order = new ArrayList<>(written);
            // summary.json last: once it is there, every file it lists is too
            if (order.remove(SUMMARY)) order.add(SUMMARY);
            for (String name : order) {
                if (!FOLDER_NAMES.contains(name) && Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("could not replace the outputs in " + dir + " (" + dir.resolve(name)
                            + " is a folder); the earlier ones are kept");
                }
            }
            List<String> stale = new ArrayList<>(earlierOutputs());
            stale.removeAll(written);
            stale.remove(SUMMARY);
            CommitJournal journal = new CommitJournal(runId, temp.getFileName().toString(), stale, order);
            synchronized (guard) {
                if (abandonedByHook) throw new IOException("stopped before the outputs in " + dir + " were replaced; the earlier ones are kept");
                journaled = true;
            }
            journal.install(dir);
            CommitStage.reached(CommitStage.JOURNAL_WRITTEN);
            journal.rollForward(dir);
        }
        committed = true;
        releaseTemp();
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

    /** Deletes the temporary folder of a run that failed before {@link #commit}. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to run; it deletes the same folder
        }
        if (!committed) deleteTree(temp);
        releaseTemp();
    }

    private void releaseTemp() {
        try {
            tempLock.channel().close();
        } catch (IOException ignored) {
            // closing drops the lock in any case
        }
        TempFolders.ended(temp);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a stray hidden folder is harmless, and the next run removes it
        }
    }
}
