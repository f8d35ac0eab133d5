package org.spikelane.cli.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Excludes every other run, in this process or another, from one output folder while it repairs
 * a crashed commit, removes abandoned temporary folders, creates its own or commits. Held for
 * milliseconds, never during a simulation.
 *
 * <p>The lock is an OS lock on {@code .spikelane-lock} in the output folder ({@link FileChannel#lock}):
 * the OS drops it when its process dies, even by SIGKILL. The file itself stays: deleting a lock
 * file while another process waits on it would let two processes lock two different files. OS
 * locks belong to the process, so runs within one JVM (tests, the Java API) also take a JVM-wide
 * lock first.
 */
final class FolderLock implements AutoCloseable {
    static final String NAME = ".spikelane-lock";
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until no other run holds the folder. */
    static FolderLock take(Path dir) throws IOException {
        IN_THIS_JVM.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new FolderLock(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) channel.close();
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            IN_THIS_JVM.unlock();
        }
    }
}
