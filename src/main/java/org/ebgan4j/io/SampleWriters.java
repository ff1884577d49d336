package org.ebgan4j.io;

import java.io.IOException;
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

    private SampleWriters() {}

    /** The header of a float32 C-order array, padded so that the data starts at a multiple of 64 bytes. */
    static byte[] npyHeader(long[] shape) {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple + ", }";
        int unpadded = NPY_MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer b = ByteBuffer.allocate(NPY_MAGIC.length + 4 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NPY_MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    public static void writeNpy(Path file, float[] values, long[] shape) throws IOException {
        long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
        }
        AtomicFiles.write(file, out -> {
            out.write(npyHeader(shape));
            ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(values);
            out.write(b.array());
        });
    }

    /** One sample per row, values separated by commas. */
    public static void writeCsv(Path file, float[] values, int rows, int columns) throws IOException {
        if ((long) rows * columns != values.length) {
            throw new IllegalArgumentException(rows + " x " + columns + " does not hold " + values.length + " values");
        }
        StringBuilder sb = new StringBuilder(values.length * 10);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(values[r * columns + c]);
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=]?[a-z]\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /** Reads a float32 or float64 C-order {@code .npy} file (format 1.0 to 3.0). */
    public static Samples readNpy(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : NPY_MAGIC) {
            if (!b.hasRemaining() || b.get() != m) {
                throw new IllegalArgumentException(file + " is not a NumPy .npy file (bad magic string)");
            }
        }
        int major = b.get();
        b.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        String header = new String(bytes, b.position(), headerLength, StandardCharsets.ISO_8859_1);
        b.position(b.position() + headerLength);
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
                dims.add(Long.parseLong(d.trim()));
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        int n = (int) Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        String type = descr.group(1);
        ByteOrder order = type.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        b.order(order);
        float[] values = new float[n];
        String kind = type.replaceAll("^[<>|=]", "");
        int width = kind.equals("f4") ? 4 : kind.equals("f8") ? 8 : -1;
        if (width < 0) {
            throw new IllegalArgumentException(file + " holds '" + type + "' values; only float32 and float64 are read");
        }
        if (b.remaining() < (long) n * width) {
            throw new IllegalArgumentException(file + " is truncated: " + n + " values declared, " + b.remaining() / width + " present");
        }
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
