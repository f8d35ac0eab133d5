package org.spikelane.cli.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The temporary folders runs write their outputs into, {@code .spikelane-tmp-<run id>}, and how a
 * run tells an abandoned one from a live one without pids (which mean nothing across the pid
 * namespaces of containers sharing a folder): each run holds an OS lock on the file {@code lock}
 * in its folder for its whole life. The OS drops the lock when the process dies, however it dies;
 * a folder whose lock can be taken is abandoned.
 *
 * <p>Both creating a folder and removing abandoned ones happen under the {@link FolderLock}, so a
 * folder is never seen between its creation and its lock: one without a lock file is abandoned
 * too (a kill in that instant, or a folder of an earlier version).
 */
final class TempFolders {
    static final String PREFIX = ".spikelane-tmp-";
    static final String LOCK = "lock";

    /**
     * The temporary folders of runs alive in this JVM. Checked before opening a folder's lock file:
     * closing any descriptor of a file drops this process's lock on it (POSIX record locks), so
     * probing a live folder of this JVM would unlock it for every other process.
     */
    private static final java.util.Set<Path> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private TempFolders() {}

    /** This JVM's run in {@code temp} is over: its folder may be judged again. */
    static void ended(Path temp) {
        LIVE.remove(temp.toAbsolutePath().normalize());
    }

    /** A new temporary folder, locked by this run until {@code lock.channel()} is closed. Call under the FolderLock. */
    static FileLock create(Path dir, String runId) throws IOException {
        Path temp = Files.createDirectory(dir.resolve(PREFIX + runId));
        LIVE.add(temp.toAbsolutePath().normalize());
        FileChannel channel = FileChannel.open(temp.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) throw new IOException("cannot lock " + temp.resolve(LOCK));
            return lock;
        } catch (IOException | RuntimeException e) {
            channel.close();
            ended(temp);
            throw e;
        }
    }

    static String newRunId() {
        return UUID.randomUUID().toString();
    }

    /** Deletes every temporary folder whose run is gone. Call under the FolderLock. */
    static void removeAbandoned(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && abandoned(entry)) OutputDir.deleteTree(entry);
            }
        }
    }

    /**
     * True if no live process holds the folder's lock. The lock is let go before the folder is
     * deleted (Windows cannot delete an open file); no run can take it in between, since a
     * folder's own run locks it only at creation and every other taker holds the FolderLock.
     */
    private static boolean abandoned(Path folder) {
        if (LIVE.contains(folder.toAbsolutePath().normalize())) return false;
        Path lockFile = folder.resolve(LOCK);
        if (!Files.exists(lockFile)) return true;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return false;
            lock.release();
            return true;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return false;
        } catch (IOException unreadable) {
            // cannot open the lock file (permissions): not ours to judge, leave it
            return false;
        }
    }
}
