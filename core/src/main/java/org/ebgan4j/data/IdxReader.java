package org.ebgan4j.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Images and their labels as a data set of flat samples with pixels scaled to [-1, 1]. */
    public static TensorDataset read(Path images, Path labels, String name) {
        Idx img = readFile(images, IMAGES_MAGIC);
        Idx lab = readFile(labels, LABELS_MAGIC);
        if (img.dims[0] != lab.dims[0]) {
            throw new DatasetException(images + " holds " + img.dims[0] + " images but " + labels + " holds "
                    + lab.dims[0] + " labels; use the image and label files of the same split");
        }
        int pixels = img.dims[1] * img.dims[2];
        float[] unit = new float[img.data.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = (img.data[i] & 0xff) / 255f;
        }
        int[] labelValues = new int[lab.data.length];
        for (int i = 0; i < labelValues.length; i++) {
            labelValues[i] = lab.data[i] & 0xff;
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
            }
            if (count > Integer.MAX_VALUE - 8) {
                throw new DatasetException(file + " declares " + count + " values, more than one array can hold");
            }
            byte[] data = new byte[(int) count];
            int read = in.readNBytes(data, 0, data.length);
            if (read < data.length) {
                throw new DatasetException(file + " is truncated: expected " + count + " bytes of data after the header, found "
                        + read + "; download it again");
            }
            return new Idx(dims, data);
        } catch (EOFException e) {
            throw new DatasetException(file + " is truncated inside its header; download it again", e);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
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
