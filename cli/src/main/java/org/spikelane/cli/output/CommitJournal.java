package org.spikelane.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The record that makes replacing an output set survive a kill at any instant.
 *
 * <p>The rule: a commit first has every new file complete and flushed in its temporary folder.
 * It then writes this journal (to a name inside the temporary folder, flushed, then renamed to
 * {@code .spikelane-commit} in the output folder, and the folder flushed): that rename is the
 * commit point. Then it carries the journal out ({@link #rollForward}): delete the earlier
 * summary.json, move the new data files in, delete the earlier run's files the new set lacks,
 * move the new summary.json in, delete the temporary folder, delete the journal. Every step can
 * be repeated, so any run that later finds a journal in the folder finishes it before doing
 * anything else. A kill before the rename leaves the earlier set untouched (and an abandoned
 * temporary folder); a kill after it leaves a journal that yields exactly the new set.
 *
 * <p>Readers: summary.json is the set's commit record. It is removed first and put back last,
 * so while it exists the files it lists are its run's. A reader who wants a consistent set reads
 * summary.json, then the files it lists, then checks that summary.json still has the same
 * {@code run_id}; a missing summary.json means a commit is under way (or no run finished).
 *
 * <p>Format, one entry per line: {@code spikelane-commit 1}, {@code run_id ID}, {@code temp NAME},
 * then {@code remove NAME} and {@code move NAME} lines. Only known output names and a temporary
 * folder's name are accepted, so an edited journal cannot make a run delete anything else.
 */
record CommitJournal(String runId, String temp, List<String> removes, List<String> moves) {
    static final String NAME = ".spikelane-commit";
    private static final String HEADER = "spikelane-commit 1";
    private static final String SUMMARY = "summary.json";

    /** Writes the journal into place: the commit point. */
    void install(Path dir) throws IOException {
        Path draft = dir.resolve(temp).resolve("commit.journal");
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("run_id ").append(runId).append('\n').append("temp ").append(temp).append('\n');
        for (String name : removes) text.append("remove ").append(name).append('\n');
        for (String name : moves) text.append("move ").append(name).append('\n');
        try (FileChannel ch = FileChannel.open(draft, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(ch);
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            ch.force(true);
        }
        move(draft, dir.resolve(NAME));
        Durable.syncFolder(dir);
    }

    /** The journal a killed commit left in {@code dir}, or null. */
    static CommitJournal find(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return null;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String runId = null;
        String temp = null;
        List<String> removes = new ArrayList<>();
        List<String> moves = new ArrayList<>();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) throw unreadable(file, "first line is not '" + HEADER + "'");
        for (String line : lines.subList(1, lines.size())) {
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1);
            switch (key) {
                case "run_id" -> runId = value;
                case "temp" -> temp = value;
                case "remove" -> removes.add(outputName(file, value));
                case "move" -> moves.add(outputName(file, value));
                default -> throw unreadable(file, "unknown entry '" + line + "'");
            }
        }
        if (runId == null || temp == null || !temp.startsWith(TempFolders.PREFIX) || temp.contains("/") || temp.contains("\\")
                || temp.contains("..")) {
            throw unreadable(file, "no run_id, or a temp entry that is not a temporary folder of this folder");
        }
        return new CommitJournal(runId, temp, List.copyOf(removes), List.copyOf(moves));
    }

    private static String outputName(Path file, String name) throws IOException {
        if (!OutputDir.OUTPUT_NAMES.contains(name)) throw unreadable(file, "'" + name + "' is not an output file name");
        return name;
    }

    private static IOException unreadable(Path file, String why) {
        return new IOException(file + ": not a commit journal this version can finish (" + why + "); remove it to go on");
    }

    /** Carries the journal out; safe to repeat after a kill at any point. Call under the FolderLock. */
    void rollForward(Path dir) throws IOException {
        Path from = dir.resolve(temp);
        // the new summary.json still in the temporary folder means it has not been moved: the earlier one must go first
        if (!moves.contains(SUMMARY) || Files.exists(from.resolve(SUMMARY), LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(dir.resolve(SUMMARY));
            Durable.syncFolder(dir);
            CommitStage.reached(CommitStage.OLD_SUMMARY_REMOVED);
        }
        for (String name : moves) {
            if (name.equals(SUMMARY)) continue;
            Path source = from.resolve(name);
            if (Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                // a folder output (a Parquet data set) replaces the earlier folder whole: a rename cannot
                // replace a non-empty folder, so the earlier one goes first (repeatable: the source is still there)
                if (OutputDir.FOLDER_NAMES.contains(name)) removeFolder(dir.resolve(name));
                move(source, dir.resolve(name));
            }
            CommitStage.reached(CommitStage.MOVED + name);
        }
        for (String name : removes) {
            if (OutputDir.FOLDER_NAMES.contains(name)) removeFolder(dir.resolve(name));
            else Files.deleteIfExists(dir.resolve(name));
        }
        Durable.syncFolder(dir);
        CommitStage.reached(CommitStage.STALE_REMOVED);
        Path summary = from.resolve(SUMMARY);
        if (moves.contains(SUMMARY) && Files.exists(summary, LinkOption.NOFOLLOW_LINKS)) move(summary, dir.resolve(SUMMARY));
        Durable.syncFolder(dir);
        CommitStage.reached(CommitStage.SUMMARY_MOVED);
        OutputDir.deleteTree(from);
        CommitStage.reached(CommitStage.TEMP_DELETED);
        Files.deleteIfExists(dir.resolve(NAME));
        Durable.syncFolder(dir);
    }

    /** Deletes an earlier folder output, failing (rather than going on with half of it) if anything stays. */
    private static void removeFolder(Path folder) throws IOException {
        OutputDir.deleteTree(folder);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) throw new IOException("could not remove the earlier " + folder);
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException unsupported) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
