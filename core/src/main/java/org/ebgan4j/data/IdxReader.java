package org.ebgan4j.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: a big-endian magic number whose third
 * byte is the element type (0x08, unsigned byte) and fourth the number of dimensions, the
 * dimensions, then the data. Gzipped files are recognised by their first two bytes, not their name.
 */
public final class IdxReader {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {}

    /** The classes of MNIST and Fashion-MNIST: labels are 0 to {@code CLASSES - 1}. */
    public static final int CLASSES = 10;

    /** Images and their labels (0 to 9) as a data set of flat samples with pixels scaled to [-1, 1]. */
    public static TensorDataset read(Path images, Path labels, String name) {
        return read(images, labels, name, CLASSES);
    }

    /**
     * Images and their labels, {@code 0 .. classes - 1}, as a data set of flat samples with pixels scaled to [-1, 1].
     *
     * @throws DatasetException naming the file when either is missing, not an IDX file of its kind, truncated,
     *     corrupt, empty, or when they disagree on the count or a label is out of range
     */
    public static TensorDataset read(Path images, Path labels, String name, int classes) {
        Idx img = readFile(images, IMAGES_MAGIC);
        Idx lab = readFile(labels, LABELS_MAGIC);
        if (img.dims[0] == 0) {
            throw new DatasetException(images + " holds no images (its header says 0); download it again");
        }
        if (img.dims[1] == 0 || img.dims[2] == 0) {
            throw new DatasetException(images + " holds images of " + img.dims[1] + "x" + img.dims[2] + " pixels; the file is corrupt");
        }
        if (img.dims[0] != lab.dims[0]) {
            throw new DatasetException(images + " holds " + img.dims[0] + " images but " + labels + " holds "
                    + lab.dims[0] + " labels; use the image and label files of the same split");
        }
        int pixels = img.dims[1] * img.dims[2];
        int[] labelValues = new int[lab.data.length];
        for (int i = 0; i < labelValues.length; i++) {
            labelValues[i] = lab.data[i] & 0xff;
            if (labelValues[i] >= classes) {
                throw new DatasetException(labels + " has label " + labelValues[i] + " at index " + i + " (counting from 0); "
                        + name + " labels are 0 to " + (classes - 1) + ": is it the label file of another data set?");
            }
        }
        float[] unit = new float[img.data.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = (img.data[i] & 0xff) / 255f;
        }
        return TensorDataset.ofUnitImages(name, unit, labelValues, new long[] {pixels});
    }

    /** The height and width of the images in an IDX image file. */
    public static int[] imageSize(Path images) {
        Idx img = readFile(images, IMAGES_MAGIC);
        return new int[] {img.dims[1], img.dims[2]};
    }

    private record Idx(int[] dims, byte[] data) {}

    private static Idx readFile(Path file, int expectedMagic) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("IDX file " + file + " does not exist; check `dataDir`");
        }
        try (DataInputStream in = new DataInputStream(open(file))) {
            int magic = in.readInt();
            if (magic != expectedMagic) {
                throw new DatasetException(String.format(
                        "%s is not an IDX %s file: magic number 0x%08x, expected 0x%08x; is it the right file, and not truncated or HTML?",
                        file, expectedMagic == IMAGES_MAGIC ? "image" : "label", magic, expectedMagic));
            }
            int rank = magic & 0xff;
            int[] dims = new int[rank];
            long count = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) {
                    throw new DatasetException(file + " declares a negative dimension " + dims[i] + "; the file is corrupt");
                }
                count *= dims[i];
                if (count > Integer.MAX_VALUE - 8) {
                    throw new DatasetException(file + " declares more values (" + describe(Arrays.copyOf(dims, i + 1))
                            + (i + 1 < rank ? " x ..." : "") + ") than one array can hold; the file is corrupt");
                }
            }
            byte[] data = new byte[(int) count];
            int read;
            boolean more;
            try {
                read = in.readNBytes(data, 0, data.length);
                more = read == data.length && in.read() >= 0;
            } catch (EOFException e) {
                // Only a gzip stream ends with an error: cut short inside its compressed data or its trailer.
                throw new DatasetException(file + " is truncated: its gzip stream ends early (the header declares " + count
                        + " bytes of data); download it again", e);
            }
            if (read < data.length) {
                throw new DatasetException(file + " is truncated: expected " + count + " bytes of data after the header, found "
                        + read + "; download it again");
            }
            if (more) {
                throw new DatasetException(file + " has more data than the " + count + " bytes its header declares ("
                        + describe(dims) + "); is it corrupt, or two files joined?");
            }
            return new Idx(dims, data);
        } catch (EOFException e) {
            throw new DatasetException(file + " is truncated inside its header; download it again", e);
        } catch (java.util.zip.ZipException e) {
            throw new DatasetException(file + " is a corrupt gzip file (" + e.getMessage() + "); download it again", e);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String describe(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : " x ").append(dims[i]);
        }
        return s.toString();
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }
}
