package org.spikelane.cli.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * fsync for folders: a rename is only durable once the folder holding it is flushed. Files are
 * flushed through their own channel when written ({@link OutputDir#write}).
 */
final class Durable {
    private Durable() {}

    /**
     * Flushes a folder's entries to disk. Some platforms cannot open a folder as a channel
     * (Windows); there the rename's own ordering is all there is, and this does nothing.
     */
    static void syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException cannot) {
            // not supported for folders on this platform
        }
    }
}
