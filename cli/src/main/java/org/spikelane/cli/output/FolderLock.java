package org.spikelane.cli.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Excludes every other run, in this process or another, from one output folder while it repairs
 * a crashed commit, removes abandoned temporary folders, creates its own or commits. Held for
 * milliseconds, never during a simulation.
 *
 * <p>The lock is an OS lock on {@code .spikelane-lock} in the output folder ({@link FileChannel#lock}):
 * the OS drops it when its process dies, even by SIGKILL. The holder deletes the file before
 * letting go, so no file stays in the folder. That opens the classic gap: a second run may have
 * opened the file before it was deleted and then lock a file no longer in the folder while a third
 * run creates and locks a new one. So a run that gets the lock writes a fresh random token into
 * the file it locked and reads the file at the path back: only if it finds its own token does it
 * hold the folder; otherwise it let go and tries again. Only holders write, so the token at the
 * path is the current holder's. A killed holder leaves the file, with a stale token; the next run
 * locks it, overwrites the token and deletes it in turn.
 *
 * <p>OS locks belong to the process, so runs within one JVM (tests, the Java API) also take a
 * JVM-wide lock first. And closing any descriptor of a file drops the process's locks on it
 * (POSIX record locks), so the channel that reads the token back stays open until the lock is let
 * go.
 */
final class FolderLock implements AutoCloseable {
    static final String NAME = ".spikelane-lock";
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    /** The same file, opened by path to read the token back; closed only after the lock is let go. */
    private final FileChannel reader;

    private FolderLock(Path file, FileChannel channel, FileLock lock, FileChannel reader) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.reader = reader;
    }

    /** Waits until no other run holds the folder. */
    static FolderLock take(Path dir) throws IOException {
        IN_THIS_JVM.lock();
        try {
            Path file = dir.resolve(NAME);
            while (true) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                try {
                    FileLock lock = channel.lock();
                    byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(token), 0);
                    FileChannel reader = openIfThere(file);
                    if (reader != null && Arrays.equals(token, contentOf(reader))) return new FolderLock(file, channel, lock, reader);
                    // the file this run locked was deleted by the run before it: take the one in the folder now
                    lock.release();
                    channel.close();
                    if (reader != null) reader.close();
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            }
        } catch (IOException | RuntimeException e) {
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    private static FileChannel openIfThere(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /** The first bytes of the file (a token is 36), read without closing the channel. */
    private static byte[] contentOf(FileChannel reader) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        while (buffer.hasRemaining() && reader.read(buffer, buffer.position()) > 0) {
            // positional reads until the end of the file or the buffer
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    @Override
    public void close() throws IOException {
        try {
            try {
                Files.deleteIfExists(file);
            } catch (IOException cannotDelete) {
                // Windows refuses to delete an open file: it stays, which the token check allows for
            }
            lock.release();
            channel.close();
            reader.close();
        } finally {
            IN_THIS_JVM.unlock();
        }
    }
}
