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

    /**
     * Values with their shape.
     *
     * @param lines for a CSV file, the line number (from 1) of each row; {@code null} for a .npy file
     */
    public record Samples(long[] shape, float[] values, int[] lines) {

        public Samples(long[] shape, float[] values) {
            this(shape, values, null);
        }

        /** Values in one row (sample): all values but the first dimension's. */
        public int rowSize() {
            return shape.length < 2 ? 1 : (int) (values.length / Math.max(1, shape[0]));
        }

        /** Where value {@code index} is, as its file's reader would find it: "on line 5, column 2", "at row 3, column 1 (counting from 0)". */
        public String where(int index) {
            int rowSize = rowSize();
            int row = index / rowSize;
            int column = index % rowSize;
            if (lines != null) {
                return "on line " + lines[row] + ", column " + (column + 1);
            }
            if (shape.length < 2) {
                return "at index " + index + " (counting from 0)";
            }
            String at = "at row " + row + ", column " + column + " (counting from 0";
            if (shape.length == 2) {
                return at + ")";
            }
            long[] idx = new long[shape.length];
            long rest = index;
            for (int d = shape.length - 1; d >= 0; d--) {
                idx[d] = rest % shape[d];
                rest /= shape[d];
            }
            return at + "; numpy index " + Arrays.toString(idx) + ")";
        }
    }

    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=]?[a-z]\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private SampleWriters() {}

    /** The header of a float32 C-order array, padded so that the data starts at a multiple of 64 bytes. */
    /** The header of a version 1.0 little-endian float32 C-order {@code .npy} array of the given shape. */
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

    /** The bytes of a {@code .npy} file of {@code values}, row-major, in the given shape (an answer of a service). */
    public static byte[] npyBytes(float[] values, long[] shape) {
        byte[] header = npyHeader(shape);
        ByteBuffer b = ByteBuffer.allocate(header.length + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header);
        b.asFloatBuffer().put(values);
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

    /**
     * Reads a {@code .npy} or {@code .csv} file, chosen by its extension: at least one value, every
     * one finite.
     *
     * @throws IllegalArgumentException naming the file and the problem when it is missing, a folder, of
     *     another kind, malformed, empty or holds NaN or infinite values
     */
    public static Samples read(Path file) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".npy") && !name.endsWith(".csv")) {
            throw new IllegalArgumentException(file + ": samples must be a .npy or .csv file");
        }
        return name.endsWith(".npy") ? readNpy(file) : readCsv(file);
    }

    /**
     * Reads a float32 or float64 C-order {@code .npy} file (format 1.0 to 3.0), either byte order,
     * holding at least one value, all finite.
     *
     * @throws IllegalArgumentException naming the file and the problem when it is not such a file
     */
    public static Samples readNpy(Path file) throws IOException {
        return readNpy(readAll(file), file.toString());
    }

    /**
     * Reads the bytes of a {@code .npy} file, as {@link #readNpy(Path)} does; {@code file} names them in
     * messages (a request body, for a service).
     */
    public static Samples readNpy(byte[] bytes, String file) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length == 0) {
            throw new IllegalArgumentException(file + " is empty (0 bytes), not a NumPy .npy file");
        }
        for (byte m : NPY_MAGIC) {
            if (!b.hasRemaining() || b.get() != m) {
                throw new IllegalArgumentException(file + " is not a NumPy .npy file (bad magic string); save it with numpy.save");
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
            throw new IllegalArgumentException(file + " has an unreadable .npy header: " + printable(header.trim()));
        }
        if (fortran.find() && fortran.group(1).equals("True")) {
            throw new IllegalArgumentException(file + " is in Fortran order; save it with numpy.ascontiguousarray first");
        }
        long[] shape = shape(file, shapeMatch.group(1));
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(file + " has shape " + tuple(shape) + ", with a negative dimension; the file is corrupt");
            }
            count *= d;
            if (count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(file + " has shape " + tuple(shape) + ", too large for one float array");
            }
        }
        int n = (int) count;
        String type = descr.group(1);
        String kind = type.replaceAll("^[<>|=]", "");
        int width = kind.equals("f4") ? 4 : kind.equals("f8") ? 8 : -1;
        if (width < 0) {
            throw new IllegalArgumentException(file + " holds '" + type + "' values; only float32 ('<f4') and float64 ('<f8') are read:"
                    + " convert it with a.astype('float32')");
        }
        if (n == 0) {
            throw new IllegalArgumentException(file + " holds an empty array of shape " + tuple(shape) + "; give at least one sample");
        }
        b.order(type.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < (long) n * width) {
            throw new IllegalArgumentException(file + " is truncated: " + n + " values declared, " + b.remaining() / width + " present");
        }
        if (b.remaining() > (long) n * width) {
            throw new IllegalArgumentException(file + " has " + (b.remaining() - (long) n * width) + " bytes after the " + n
                    + " values of its shape " + tuple(shape) + "; is the header's shape right? Save it again with numpy.save");
        }
        float[] values = new float[n];
        int bad = -1;
        double badValue = 0;
        for (int i = 0; i < n; i++) {
            double v = width == 4 ? b.getFloat() : b.getDouble();
            values[i] = (float) v;
            if (bad < 0 && !Float.isFinite(values[i])) {
                bad = i;
                badValue = v;
            }
        }
        Samples samples = new Samples(shape, values);
        if (bad >= 0) {
            String what = Double.isNaN(badValue) ? "NaN" : Double.isInfinite(badValue) ? (badValue > 0 ? "Infinity" : "-Infinity")
                    : badValue + ", beyond the float range (" + Float.MAX_VALUE + "),";
            throw new IllegalArgumentException(file + " holds " + what + " " + samples.where(bad)
                    + "; only finite numbers can be read: remove or replace it");
        }
        return samples;
    }

    private static long[] shape(String file, String dims) {
        List<Long> list = new ArrayList<>();
        for (String d : dims.split(",")) {
            if (!d.isBlank()) {
                try {
                    list.add(Long.parseLong(d.trim().replaceFirst("[lL]$", "")));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " has an unreadable shape (" + printable(dims) + ")");
                }
            }
        }
        return list.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Reads a CSV file of numbers, one sample per row, cells separated by commas; a first line of which
     * no cell is a number is taken as a header. At least one row, every row as long as the first, every
     * value a finite number.
     */
    public static Samples readCsv(Path file) throws IOException {
        String text = new String(readAll(file), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        List<float[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        int columns = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (rows.isEmpty() && columns < 0 && i == firstNonBlank(lines) && noneNumeric(cells)) {
                columns = -2; // a header: the next line sets the width
                continue;
            }
            if (columns >= 0 && cells.length != columns) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + cells.length + " values, earlier lines " + columns
                        + "; every row must be one sample of the same length");
            }
            float[] row = new float[cells.length];
            for (int c = 0; c < cells.length; c++) {
                row[c] = cell(file, cells[c].trim(), i + 1, c + 1);
            }
            columns = row.length;
            rows.add(row);
            rowLines.add(i + 1);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + (columns == -2 ? " has a header but no rows of numbers" : " is empty")
                    + "; give at least one sample, one per line");
        }
        float[] values = new float[rows.size() * columns];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * columns, columns);
        }
        return new Samples(new long[] {rows.size(), columns}, values, rowLines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    /** One CSV cell as a finite float. */
    private static float cell(Path file, String cell, int line, int column) {
        String where = " on line " + line + ", column " + column;
        if (NOT_FINITE.matcher(cell).matches()) {
            throw new IllegalArgumentException(file + " holds " + cell + where + "; only finite numbers can be read: remove or replace it");
        }
        if (!NUMBER.matcher(cell).matches()) {
            String shown = cell.isEmpty() ? "an empty value" : "'" + printable(cell.length() > 40 ? cell.substring(0, 40) + "..." : cell) + "'";
            throw new IllegalArgumentException(file + " holds " + shown + where + ", not a number"
                    + (cell.contains(";") || cell.contains("\t") ? "; separate values by commas" : ""));
        }
        float v = Float.parseFloat(cell);
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException(file + " holds " + cell + where + ", beyond the float range (" + Float.MAX_VALUE + ")");
        }
        return v;
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean noneNumeric(String[] cells) {
        for (String c : cells) {
            String t = c.trim();
            if (NUMBER.matcher(t).matches() || NOT_FINITE.matcher(t).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The file's bytes; a missing file or a folder is refused by name. */
    private static byte[] readAll(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a folder, not a file of samples");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist; give a .npy or .csv file of samples");
        }
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s is %,d bytes, more than one array can hold; "
                    + "split it into smaller files", file, size));
        }
        return Files.readAllBytes(file);
    }

    /** A shape as Python writes it: {@code (3, 2)}, {@code (5,)}. */
    public static String tuple(long[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** Text from a file with its control characters shown as '?', so that an error stays on one line. */
    private static String printable(String s) {
        String shown = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
