package org.spikelane.state;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The checkpoint file: every checkpointed entry of a {@link StateRegistry} (roles state,
 * parameter and accumulator), written whole and restored whole. Layout (big-endian, documented in
 * docs/checkpoints.md):
 *
 * <pre>
 * magic    8 bytes  "SPKLCKPT"
 * version  int      {@link #VERSION}
 * header   UTF precision, double dt, long seed, int lanes, long step
 * count    int      number of records
 * record   UTF owner, UTF name, byte element type, byte role, int length, length elements
 * crc      long     CRC-32 of every byte before it
 * </pre>
 *
 * Written to a temporary file in the target folder and renamed, so a crash leaves the previous
 * checkpoint intact. Restore reads and checks everything (checksum, header, every record's
 * owner, name, type and length) before it changes a single value: a bad file never restores in part.
 */
public final class CheckpointFile {
    private static final byte[] MAGIC = {'S', 'P', 'K', 'L', 'C', 'K', 'P', 'T'};
    /** Incremented whenever the layout changes. */
    public static final int VERSION = 1;
    private static final int CHUNK = 1 << 13;

    private CheckpointFile() {}

    /** Writes the checkpointed entries of {@code registry} to {@code file}, atomically. */
    public static void write(Path file, CheckpointHeader header, StateRegistry registry) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            // a sibling named after this process, created with the user's usual permissions (createTempFile would make it 0600)
            tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            CRC32 crc = new CRC32();
            try (OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
                 CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc);
                 DataOutputStream out = new DataOutputStream(checked)) {
                out.write(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(header.precision());
                out.writeDouble(header.dt());
                out.writeLong(header.seed());
                out.writeInt(header.lanes());
                out.writeLong(header.step());
                List<StateEntry> saved = checkpointed(registry);
                out.writeInt(saved.size());
                for (StateEntry e : saved) {
                    out.writeUTF(e.owner());
                    out.writeUTF(e.name());
                    out.writeByte(e.type().ordinal());
                    out.writeByte(e.role().ordinal());
                    Object array = e.array();
                    out.writeInt(java.lang.reflect.Array.getLength(array));
                    writeElements(out, array);
                }
                out.flush();
                out.writeLong(crc.getValue());
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CheckpointException("cannot write checkpoint " + file + ": " + describe(e), e);
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }

    /**
     * Reads {@code file}, checks it against {@code actual} and {@code registry}, and only then
     * copies every record into the registry's arrays.
     *
     * @return the header as written (its step is where the restored simulation stands)
     */
    public static CheckpointHeader restore(Path file, CheckpointHeader actual, StateRegistry registry) {
        String where = "checkpoint " + file;
        List<Object> values = new ArrayList<>();
        List<StateEntry> targets = new ArrayList<>();
        CheckpointHeader written;
        try (InputStream raw = Files.newInputStream(file)) {
            long fileSize = Files.size(file);
            CRC32 crc = new CRC32();
            CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc);
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) throw new CheckpointException(where + " is not a Spikelane checkpoint");
            int version = in.readInt();
            if (version != VERSION) {
                throw new CheckpointException(where + " has format version " + version + "; this Spikelane reads version " + VERSION);
            }
            written = new CheckpointHeader(in.readUTF(), in.readDouble(), in.readLong(), in.readInt(), in.readLong());
            int count = in.readInt();
            if (count < 0) throw corrupted(where);
            Map<String, StateEntry> expected = new HashMap<>();
            for (StateEntry e : checkpointed(registry)) expected.put(key(e.owner(), e.name()), e);
            String mismatch = written.mismatch(actual);
            for (int k = 0; k < count; k++) {
                String owner = in.readUTF();
                String name = in.readUTF();
                int type = in.readUnsignedByte();
                int role = in.readUnsignedByte();
                int length = in.readInt();
                if (type >= ElementType.values().length || role >= Role.values().length || length < 0) throw corrupted(where);
                ElementType elementType = ElementType.values()[type];
                if ((long) length * elementType.bytes > fileSize) throw corrupted(where);
                Object array = readElements(in, elementType, length);
                if (mismatch != null) continue; // read on to check the sum, then report the header's difference
                StateEntry e = expected.remove(key(owner, name));
                if (e == null) {
                    mismatch = "it holds " + owner + " " + name + ", which this network does not have";
                } else if (e.type() != elementType) {
                    mismatch = e.label() + " is " + e.type().name().toLowerCase() + " here but " + elementType.name().toLowerCase()
                            + " in the checkpoint";
                } else if (!e.resizable() && e.length() != length) {
                    mismatch = e.label() + " has " + e.length() + " values here but " + length + " in the checkpoint";
                } else {
                    values.add(array);
                    targets.add(e);
                }
            }
            long sum = crc.getValue();
            long stored;
            try {
                stored = in.readLong();
            } catch (EOFException e) {
                throw corrupted(where);
            }
            if (stored != sum || in.read() != -1) throw corrupted(where);
            if (mismatch == null && !expected.isEmpty()) {
                StateEntry missing = expected.values().iterator().next();
                mismatch = "it lacks " + missing.label() + ", which this network has";
            }
            if (mismatch != null) throw new CheckpointException(where + " does not fit this network: " + mismatch);
        } catch (EOFException e) {
            throw corrupted(where);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(where + " does not exist");
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + where + ": " + describe(e), e);
        }
        for (int k = 0; k < targets.size(); k++) apply(targets.get(k), values.get(k));
        return written;
    }

    private static CheckpointException corrupted(String where) {
        return new CheckpointException(where + " is truncated or corrupted (checksum or length mismatch); nothing was restored");
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String key(String owner, String name) { return owner + "\u0000" + name; }

    private static List<StateEntry> checkpointed(StateRegistry registry) {
        return registry.entries().stream().filter(e -> e.role().checkpointed()).toList();
    }

    private static void apply(StateEntry e, Object saved) {
        if (e.replace() != null) {
            e.replace().accept(saved);
        } else {
            System.arraycopy(saved, 0, e.array(), 0, java.lang.reflect.Array.getLength(saved));
        }
    }

    private static void writeElements(DataOutputStream out, Object array) throws IOException {
        int n = java.lang.reflect.Array.getLength(array);
        ElementType type = ElementType.of(array);
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * type.bytes);
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            buffer.clear();
            switch (array) {
                case float[] a -> buffer.asFloatBuffer().put(a, from, len);
                case double[] a -> buffer.asDoubleBuffer().put(a, from, len);
                case int[] a -> buffer.asIntBuffer().put(a, from, len);
                case long[] a -> buffer.asLongBuffer().put(a, from, len);
                case boolean[] a -> { for (int k = 0; k < len; k++) buffer.put(k, (byte) (a[from + k] ? 1 : 0)); }
                default -> throw new IllegalStateException();
            }
            out.write(buffer.array(), 0, len * type.bytes);
        }
    }

    private static Object readElements(DataInputStream in, ElementType type, int n) throws IOException {
        Object array = switch (type) {
            case FLOAT -> new float[n];
            case DOUBLE -> new double[n];
            case INT -> new int[n];
            case LONG -> new long[n];
            case BOOLEAN -> new boolean[n];
        };
        byte[] bytes = new byte[Math.min(n, CHUNK) * type.bytes];
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            in.readFully(bytes, 0, len * type.bytes);
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, len * type.bytes);
            switch (array) {
                case float[] a -> buffer.asFloatBuffer().get(a, from, len);
                case double[] a -> buffer.asDoubleBuffer().get(a, from, len);
                case int[] a -> buffer.asIntBuffer().get(a, from, len);
                case long[] a -> buffer.asLongBuffer().get(a, from, len);
                case boolean[] a -> { for (int k = 0; k < len; k++) a[from + k] = bytes[k] != 0; }
                default -> throw new IllegalStateException();
            }
        }
        return array;
    }
}
