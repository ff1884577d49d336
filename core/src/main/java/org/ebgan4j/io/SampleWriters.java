package org.ebgan4j.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Samples as NumPy {@code .npy} (format 1.0, little-endian float32) or CSV, for other tools to read. */
public final class SampleWriters {

    /** Values with their shape. */
    public record Samples(long[] shape, float[] values) {}

    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=]?[a-z]\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private SampleWriters() {}

    /** The header of a float32 C-order array, padded so that the data starts at a multiple of 64 bytes. */
    static byte[] npyHeader(long[] shape) {
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        // Python writes a one-element tuple with a trailing comma.
        String tuple = "(" + dims + (shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple + ", }";
        int unpadded = NPY_MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer b = ByteBuffer.allocate(NPY_MAGIC.length + 4 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NPY_MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** Writes {@code values}, row-major, as an array of the given shape (for samples: n, then one sample's dims). */
    public static void writeNpy(Path file, float[] values, long[] shape) throws IOException {
        long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
        }
        AtomicFiles.write(file, out -> {
            out.write(npyHeader(shape));
            ByteBuffer b = ByteBuffer.allocate(4 * Math.min(values.length, 1 << 16)).order(ByteOrder.LITTLE_ENDIAN);
            for (int from = 0; from < values.length; from += b.capacity() / 4) {
                int count = Math.min(b.capacity() / 4, values.length - from);
                b.clear();
                b.asFloatBuffer().put(values, from, count);
                out.write(b.array(), 0, 4 * count);
            }
        });
    }

    /** One sample per row, values separated by commas. */
    public static void writeCsv(Path file, float[] values, int rows, int columns) throws IOException {
        if ((long) rows * columns != values.length) {
            throw new IllegalArgumentException(rows + " x " + columns + " does not hold " + values.length + " values");
        }
        AtomicFiles.write(file, out -> {
            // Streamed row by row: a CSV of a whole image data set would not fit in one string.
            Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
            StringBuilder row = new StringBuilder(columns * 12);
            for (int r = 0; r < rows; r++) {
                row.setLength(0);
                for (int c = 0; c < columns; c++) {
                    if (c > 0) {
                        row.append(',');
                    }
                    row.append(values[r * columns + c]);
                }
                w.write(row.append('\n').toString());
            }
            w.flush();
        });
    }

    /** Reads a {@code .npy} or {@code .csv} file, chosen by its extension. */
    public static Samples read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".npy")) {
            return readNpy(file);
        }
        if (name.endsWith(".csv")) {
            return readCsv(file);
        }
        throw new IllegalArgumentException(file + ": samples must be a .npy or .csv file");
    }

    /**
     * Reads a float32 or float64 C-order {@code .npy} file (format 1.0 to 3.0), either byte order.
     *
     * @throws IllegalArgumentException naming the file and the problem when it is not such a file
     */
    public static Samples readNpy(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : NPY_MAGIC) {
            if (!b.hasRemaining() || b.get() != m) {
                throw new IllegalArgumentException(file + " is not a NumPy .npy file (bad magic string)");
            }
        }
        if (b.remaining() < 2) {
            throw new IllegalArgumentException(file + " is truncated inside its .npy header");
        }
        int major = b.get();
        b.get();
        if (major < 1 || major > 3) {
            throw new IllegalArgumentException(file + " has .npy format version " + major + "; only 1 to 3 are read");
        }
        if (b.remaining() < (major == 1 ? 2 : 4)) {
            throw new IllegalArgumentException(file + " is truncated inside its .npy header");
        }
        long headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : Integer.toUnsignedLong(b.getInt());
        if (headerLength > b.remaining()) {
            throw new IllegalArgumentException(file + " is truncated: its .npy header declares " + headerLength
                    + " bytes, " + b.remaining() + " follow");
        }
        String header = new String(bytes, b.position(), (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        b.position(b.position() + (int) headerLength);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeMatch = SHAPE.matcher(header);
        if (!descr.find() || !shapeMatch.find()) {
            throw new IllegalArgumentException(file + " has an unreadable .npy header: " + header.trim());
        }
        if (fortran.find() && fortran.group(1).equals("True")) {
            throw new IllegalArgumentException(file + " is in Fortran order; save it with numpy.ascontiguousarray first");
        }
        List<Long> dims = new ArrayList<>();
        for (String d : shapeMatch.group(1).split(",")) {
            if (!d.isBlank()) {
                try {
                    dims.add(Long.parseLong(d.trim().replaceFirst("[lL]$", "")));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " has an unreadable shape (" + shapeMatch.group(1) + ")");
                }
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long d : shape) {
            count *= d;
            if (d < 0 || count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(file + " has shape " + Arrays.toString(shape) + ", too large for one float array");
            }
        }
        int n = (int) count;
        String type = descr.group(1);
        String kind = type.replaceAll("^[<>|=]", "");
        int width = kind.equals("f4") ? 4 : kind.equals("f8") ? 8 : -1;
        if (width < 0) {
            throw new IllegalArgumentException(file + " holds '" + type + "' values; only float32 ('<f4') and float64 ('<f8') are read");
        }
        b.order(type.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < (long) n * width) {
            throw new IllegalArgumentException(file + " is truncated: " + n + " values declared, " + b.remaining() / width + " present");
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = width == 4 ? b.getFloat() : (float) b.getDouble();
        }
        return new Samples(shape, values);
    }

    /** Reads a CSV file of numbers, one sample per row; a first row that is not numeric is taken as a header. */
    public static Samples readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<float[]> rows = new ArrayList<>();
        int columns = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            float[] row = new float[cells.length];
            try {
                for (int c = 0; c < cells.length; c++) {
                    row[c] = Float.parseFloat(cells[c].trim());
                }
            } catch (NumberFormatException e) {
                if (rows.isEmpty() && i == 0) {
                    continue;
                }
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has a value that is not a number: " + line);
            }
            if (columns >= 0 && row.length != columns) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + row.length + " values, earlier lines " + columns);
            }
            columns = row.length;
            rows.add(row);
        }
        float[] values = new float[rows.size() * Math.max(columns, 0)];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * columns, columns);
        }
        return new Samples(new long[] {rows.size(), Math.max(columns, 0)}, values);
    }
}
