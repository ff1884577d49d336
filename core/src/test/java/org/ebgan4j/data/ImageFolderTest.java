package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

class ImageFolderTest {

    private static final int SIZE = 4;
    private static final int PLANE = SIZE * SIZE;
    private static final int SAMPLE = 3 * PLANE;

    /** Pixel (x, y) is (40x, 60y, 100): every pixel says where it came from. */
    static BufferedImage coordinates(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (40 * x) << 16 | (60 * y) << 8 | 100);
            }
        }
        return img;
    }

    /** 32x16: red in the left quarter, green in the middle half, blue in the right quarter. */
    static BufferedImage stripes() {
        BufferedImage img = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                img.setRGB(x, y, x < 8 ? 0xff0000 : x < 24 ? 0x00ff00 : 0x0000ff);
            }
        }
        return img;
    }

    static BufferedImage uniform(int w, int h, int type, int rgb) {
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    static Path write(BufferedImage img, String format, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        assertThat(ImageIO.write(img, format, file.toFile())).isTrue();
        return file;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /**
     * birds/ alpha.png and three broken files, cats/ stripes.png and wide.png, dogs/ gray.png, photo.JPG and
     * tall.png, plus a text file; in path order the six good ones are alpha, stripes, wide, gray, photo, tall.
     */
    static void writeFolder(Path dir) throws IOException {
        BufferedImage alpha = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                alpha.setRGB(x, y, x < 2 ? 0xff0a141e : 0x00ffffff);
            }
        }
        write(alpha, "png", dir.resolve("birds/alpha.png"));
        Files.write(dir.resolve("birds/corrupt.png"), randomBytes(500));
        Files.write(dir.resolve("birds/empty.jpg"), new byte[0]);
        Files.write(dir.resolve("birds/truncated.png"), Arrays.copyOf(png(stripes()), 60));
        write(stripes(), "png", dir.resolve("cats/stripes.png"));
        write(coordinates(6, 4), "png", dir.resolve("cats/wide.png"));
        BufferedImage gray = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        byte[] grayPixels = ((java.awt.image.DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        Arrays.fill(grayPixels, (byte) 100);
        write(gray, "png", dir.resolve("dogs/gray.png"));
        write(uniform(8, 8, BufferedImage.TYPE_INT_RGB, 0xc8285a), "jpeg", dir.resolve("dogs/photo.JPG"));
        write(coordinates(4, 7), "png", dir.resolve("dogs/tall.png"));
        Files.writeString(dir.resolve("dogs/notes.txt"), "not an image");
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    static float norm(int v) {
        return v / 255f * 2f - 1f;
    }

    static float at(TensorDataset ds, int sample, int channel, int y, int x) {
        return ds.data()[sample * SAMPLE + channel * PLANE + y * SIZE + x];
    }

    @Test
    void loadsResizedCentreCropsWithSubFolderLabelsAndSkipsBrokenFiles(@TempDir Path dir) throws Exception {
        writeFolder(dir);
        ImageFolder.Loaded loaded = ImageFolder.load(dir, new ImageFolder.Options(SIZE, 0, 2));
        TensorDataset ds = loaded.data();

        assertThat(ds.size()).isEqualTo(6);
        assertThat(ds.sampleShape()).containsExactly(3L, 4L, 4L);
        assertThat(loaded.classes()).containsExactly("birds", "cats", "dogs");
        assertThat(ds.labels()).containsExactly(0, 1, 1, 2, 2, 2);
        assertThat(loaded.skipped()).isEqualTo(3);
        assertThat(loaded.skippedExamples()).containsExactly("birds/corrupt.png", "birds/empty.jpg", "birds/truncated.png");

        // alpha.png: opaque left half keeps its colour, the transparent right half is black.
        for (int y = 0; y < SIZE; y++) {
            assertThat(at(ds, 0, 0, y, 1)).isEqualTo(norm(10));
            assertThat(at(ds, 0, 1, y, 1)).isEqualTo(norm(20));
            assertThat(at(ds, 0, 2, y, 1)).isEqualTo(norm(30));
            assertThat(at(ds, 0, 0, y, 2)).isEqualTo(-1f);
            assertThat(at(ds, 0, 2, y, 3)).isEqualTo(-1f);
        }
        // stripes.png, 32x16, shrinks to 8x4 and keeps columns 2..5 of it: the green middle only.
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                assertThat(at(ds, 1, 0, y, x)).isEqualTo(-1f);
                assertThat(at(ds, 1, 1, y, x)).isEqualTo(1f);
                assertThat(at(ds, 1, 2, y, x)).isEqualTo(-1f);
            }
        }
        // wide.png, 6x4, is not scaled; the crop drops column 0 and column 5, so output x is source x + 1.
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                assertThat(at(ds, 2, 0, y, x)).isEqualTo(norm(40 * (x + 1)));
                assertThat(at(ds, 2, 1, y, x)).isEqualTo(norm(60 * y));
                assertThat(at(ds, 2, 2, y, x)).isEqualTo(norm(100));
            }
        }
        // gray.png: three equal channels holding the gray level.
        for (int c = 0; c < 3; c++) {
            assertThat(at(ds, 3, c, 0, 0)).isEqualTo(norm(100));
            assertThat(at(ds, 3, c, 3, 2)).isEqualTo(norm(100));
        }
        // photo.JPG (upper-case extension): JPEG is lossy, so the colour (200, 40, 90) only approximately.
        assertThat(at(ds, 4, 0, 1, 1)).isCloseTo(norm(200), within(0.05f));
        assertThat(at(ds, 4, 1, 1, 1)).isCloseTo(norm(40), within(0.05f));
        assertThat(at(ds, 4, 2, 1, 1)).isCloseTo(norm(90), within(0.05f));
        // tall.png, 4x7, is not scaled; the crop starts at row (7 - 4) / 2 = 1.
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                assertThat(at(ds, 5, 0, y, x)).isEqualTo(norm(40 * x));
                assertThat(at(ds, 5, 1, y, x)).isEqualTo(norm(60 * (y + 1)));
            }
        }
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount(@TempDir Path dir) throws Exception {
        writeFolder(dir);
        for (int i = 0; i < 20; i++) {
            write(coordinates(5 + i % 4, 9 - i % 3), "png", dir.resolve("cats/more" + i + ".png"));
        }
        ImageFolder.Loaded one = ImageFolder.load(dir, new ImageFolder.Options(SIZE, 0, 1));
        ImageFolder.Loaded four = ImageFolder.load(dir, new ImageFolder.Options(SIZE, 0, 4));
        assertThat(one.data().size()).isEqualTo(26);
        assertThat(four.data().data()).containsExactly(one.data().data());
        assertThat(four.data().labels()).containsExactly(one.data().labels());
        assertThat(four.skipped()).isEqualTo(one.skipped()).isEqualTo(3);
        assertThat(four.skippedExamples()).isEqualTo(one.skippedExamples());

        // A limit keeps a seeded subset of the files, the same whatever the thread count.
        ImageFolder.Loaded twoOnOne = ImageFolder.load(dir, new ImageFolder.Options(SIZE, 2, 1));
        for (int threads : new int[] {1, 4}) {
            ImageFolder.Loaded two = ImageFolder.load(dir, new ImageFolder.Options(SIZE, 2, threads));
            assertThat(two.data().size()).isEqualTo(2);
            assertThat(two.data().data()).containsExactly(twoOnOne.data().data());
            assertThat(two.data().labels()).containsExactly(twoOnOne.data().labels());
            assertThat(two.skippedExamples()).isEqualTo(twoOnOne.skippedExamples());
        }
    }

    @Test
    void aLimitKeepsImagesOfEveryClassAndFilesInOrderWithoutClasses(@TempDir Path dir) throws Exception {
        for (String c : new String[] {"a", "b", "c"}) {
            for (int i = 0; i < 10; i++) {
                write(uniform(4, 4, BufferedImage.TYPE_INT_RGB, 0x102030 * (i + 1)), "png", dir.resolve(c + "/" + i + ".png"));
            }
        }
        // In name order the first 9 files would all be class a.
        ImageFolder.Loaded nine = ImageFolder.load(dir, new ImageFolder.Options(SIZE, 9, 2));
        assertThat(Arrays.stream(nine.data().labels()).distinct().sorted().toArray()).containsExactly(0, 1, 2);

        Path flat = Files.createDirectories(dir.resolve("flat"));
        write(stripes(), "png", flat.resolve("b.png"));
        write(uniform(4, 4, BufferedImage.TYPE_INT_RGB, 0xffffff), "png", flat.resolve("a.png"));
        // Without classes the limit keeps the first files by name: a.png, the white one.
        ImageFolder.Loaded first = ImageFolder.load(flat, new ImageFolder.Options(SIZE, 1, 1));
        assertThat(first.data().data()).containsOnly(1f);
    }

    @Test
    void aLongStripIsCutToItsCentreSquareBeforeScaling() {
        // 200,001 x 1 pixels: scaling the whole strip to a side of 64 would need 12.8M x 64 pixels.
        BufferedImage strip = new BufferedImage(200_001, 1, BufferedImage.TYPE_INT_RGB);
        strip.setRGB(100_000, 0, 0xffffff);
        float[] out = ImageFolder.resizeAndCrop(strip, 64);
        assertThat(out).hasSize(3 * 64 * 64).containsOnly(1f);
    }

    @Test
    void imagesAtTheTopLevelHaveNoLabels(@TempDir Path dir) throws Exception {
        write(coordinates(4, 4), "png", dir.resolve("b.png"));
        write(stripes(), "png", dir.resolve("a.png"));
        ImageFolder.Loaded loaded = ImageFolder.load(dir, new ImageFolder.Options(SIZE, 0, 1));
        assertThat(loaded.data().labels()).isNull();
        assertThat(loaded.classes()).isEmpty();
        assertThat(loaded.skipped()).isZero();
        // Sorted by path: the stripes (a.png) come first, green in the middle.
        assertThat(at(loaded.data(), 0, 1, 0, 0)).isEqualTo(1f);
        assertThat(at(loaded.data(), 1, 0, 0, 3)).isEqualTo(norm(120));

        write(coordinates(4, 4), "png", dir.resolve("sub/c.png"));
        assertThat(ImageFolder.load(dir, new ImageFolder.Options(SIZE, 0, 1)).data().labels()).isNull();
    }

    @Test
    void upscalesSmallImagesToTheRequestedSize(@TempDir Path dir) throws Exception {
        write(uniform(2, 3, BufferedImage.TYPE_INT_RGB, 0x336699), "png", dir.resolve("small.png"));
        TensorDataset ds = ImageFolder.load(dir, new ImageFolder.Options(8, 0, 1)).data();
        assertThat(ds.sampleShape()).containsExactly(3L, 8L, 8L);
        assertThat(ds.data()[0]).isEqualTo(norm(0x33));
        assertThat(ds.data()[64 + 63]).isEqualTo(norm(0x66));
        assertThat(ds.data()[128 + 27]).isEqualTo(norm(0x99));
    }

    @Test
    void emptyOrAllBrokenFolderFailsNamingIt(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "no images here");
        assertThatThrownBy(() -> ImageFolder.load(empty, new ImageFolder.Options(SIZE, 0, 1)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no .jpg, .jpeg or .png images under " + empty)
                .hasMessageNotContaining("\n");

        Path broken = Files.createDirectory(dir.resolve("broken"));
        Files.write(broken.resolve("x.png"), randomBytes(64));
        Files.write(broken.resolve("y.jpeg"), new byte[0]);
        assertThatThrownBy(() -> ImageFolder.load(broken, new ImageFolder.Options(SIZE, 0, 2)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("none of the 2 images under " + broken + " could be decoded (for example x.png, y.jpeg)")
                .hasMessageNotContaining("\n");

        assertThatThrownBy(() -> ImageFolder.load(dir.resolve("absent"), new ImageFolder.Options(SIZE, 0, 1)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("image folder " + dir.resolve("absent") + " does not exist");
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> new ImageFolder.Options(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageFolder.Options(4, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageFolder.Options(4, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ImageFolder.Options.of(64).threads()).isPositive();
        assertThat(ImageFolder.isImage("A.JPEG")).isTrue();
        assertThat(ImageFolder.isImage("a.gif")).isFalse();
    }
}
