package org.spikelane.nir.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spikelane.nir.model.NirException;

/**
 * The NumPy {@code .npy} format, versions 1 to 3: a magic string, a header dictionary
 * ({@code descr}, {@code fortran_order}, {@code shape}) and the raw values. Reads bool, int and
 * uint of 1 to 8 bytes and float32/float64 in either byte order, C order only, into float;
 * writes float64 (the test data export uses it).
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([bifu])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    public static NpyArray read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NirException("cannot read '" + file + "': " + e.getMessage(), e);
        }
        String where = "'" + file + "'";
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) throw new NirException(where + " is not a .npy file");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int start = major == 1 ? 10 : 12;
        if (start + headerLength > bytes.length) throw new NirException(where + " is cut short in its header");
        String header = new String(bytes, start, headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new NirException(where + ": unreadable .npy header " + header.strip());
        if (f.group(1).equals("True")) throw new NirException(where + " is in Fortran order; save it with C order (numpy.ascontiguousarray)");
        char kind = d.group(2).charAt(0);
        int width = Integer.parseInt(d.group(3));
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int[] shape = Arrays.stream(s.group(1).split(",")).map(String::strip).filter(x -> !x.isEmpty()).mapToInt(Integer::parseInt).toArray();
        long count = 1;
        for (int x : shape) count *= x;
        if (count > Integer.MAX_VALUE - 8) throw new NirException(where + " holds " + count + " values, more than one array can");
        boolean supported = switch (kind) {
            case 'b' -> width == 1;
            case 'i', 'u' -> width == 1 || width == 2 || width == 4 || width == 8;
            case 'f' -> width == 4 || width == 8;
            default -> false;
        };
        if (!supported) throw new NirException(where + ": dtype " + d.group(0).replaceAll(".*:\\s*", "") + " is not supported (bool, int, uint or float32/float64)");
        ByteBuffer data = ByteBuffer.wrap(bytes, start + headerLength, bytes.length - start - headerLength).slice().order(order);
        if ((long) data.remaining() < count * width) throw new NirException(where + " is cut short: " + count + " values of " + width + " bytes announced");
        float[] out = new float[(int) count];
        for (int i = 0; i < out.length; i++) {
            int at = i * width;
            out[i] = switch (kind) {
                case 'b' -> data.get(at) != 0 ? 1f : 0f;
                case 'u' -> switch (width) {
                    case 1 -> Byte.toUnsignedInt(data.get(at));
                    case 2 -> Short.toUnsignedInt(data.getShort(at));
                    case 4 -> (float) Integer.toUnsignedLong(data.getInt(at));
                    default -> (float) data.getLong(at);
                };
                case 'i' -> switch (width) {
                    case 1 -> data.get(at);
                    case 2 -> data.getShort(at);
                    case 4 -> (float) data.getInt(at);
                    default -> (float) data.getLong(at);
                };
                default -> width == 4 ? data.getFloat(at) : (float) data.getDouble(at);
            };
        }
        return new NpyArray(out, shape);
    }

    /** Writes {@code values} as a little-endian float64 array of {@code shape}, C order. */
    public static void writeFloat64(Path file, double[] values, int... shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int x : shape) dims.append(x).append(',');
        if (shape.length > 1) dims.setLength(dims.length() - 1);
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }";
        // the header, with its newline, pads the data start to a multiple of 64 bytes
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length()).put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : values) b.putDouble(v);
        try (OutputStream o = Files.newOutputStream(file)) {
            o.write(b.array());
        }
    }
}
