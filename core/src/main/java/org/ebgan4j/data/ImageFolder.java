package org.ebgan4j.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * Every JPEG and PNG under a folder (sub-folders included, symbolic links followed), as RGB images of shape
 * {@code {3, resize, resize}} with values in [-1, 1]. Each image is scaled so that its shorter side is
 * {@code resize} and centre-cropped to a square, the usual preparation of CelebA and LSUN for DCGAN-style
 * networks. Scaling is bilinear (Java2D, {@link RenderingHints#VALUE_INTERPOLATION_BILINEAR}), done in
 * successive halvings when an image shrinks by more than 2x, so every source pixel contributes.
 * Grayscale images get three equal channels; transparency is composited over black.
 *
 * <p>Files are taken in the order of their paths relative to the folder, so the result, and which images
 * {@code maxImages} keeps, does not depend on the file system or on the number of decoding threads. Files
 * that ImageIO cannot decode (corrupt, truncated, empty, CMYK JPEG) are skipped and counted, never fatal.
 *
 * <p>Labels: when every image lies inside a sub-folder, the alphabetically sorted names of the immediate
 * sub-folders are the classes and an image's label is the index of the one it lies in (at any depth);
 * otherwise the data set has no labels.
 */
public final class ImageFolder {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolder.class);
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png");
    private static final int EXAMPLES = 3;

    /**
     * @param resize the side of the square output images
     * @param maxImages how many images to load, 0 for all; skipped files do not count
     * @param threads decoding threads
     */
    public record Options(int resize, int maxImages, int threads) {
        public Options {
            if (resize < 1) {
                throw new IllegalArgumentException("resize must be at least 1, not " + resize);
            }
            if (maxImages < 0) {
                throw new IllegalArgumentException("maxImages must be 0 (all) or positive, not " + maxImages);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
        }

        /** All images, one decoding thread per processor. */
        public static Options of(int resize) {
            return new Options(resize, 0, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * The images, and what could not be read.
     *
     * @param skipped how many image files could not be decoded (among those looked at before
     *     {@code maxImages} was reached)
     * @param skippedExamples up to three of them, as paths relative to the folder
     * @param classes the class names by label index; empty when the data set has no labels
     */
    public record Loaded(TensorDataset data, int skipped, List<String> skippedExamples, List<String> classes) {
        public Loaded {
            skippedExamples = List.copyOf(skippedExamples);
            classes = List.copyOf(classes);
        }
    }

    /** Decoded pixels in [0, 1], channel-first, or {@code null} and why not. */
    private record Decoded(float[] pixels, String problem) {}

    /** Seed of the shuffle that picks which files a --max-samples limit keeps when sub-folders give classes. */
    private static final long SUBSET_SEED = 20170206L;

    private ImageFolder() {}

    public static Loaded load(Path dir, Options options) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("image folder " + dir + (Files.exists(dir) ? " is a file, not a folder" : " does not exist")
                    + "; pass a folder of .jpg, .jpeg or .png files (unpack an archive first)");
        }
        List<String> files = imageFiles(dir);
        if (files.isEmpty()) {
            throw new DatasetException("no .jpg, .jpeg or .png images under " + dir
                    + "; pass the folder that holds them (its sub-folders are searched too)");
        }
        List<String> classes = classes(dir, files);
        Map<String, Integer> classIndex = classes.stream().collect(Collectors.toMap(Function.identity(), classes::indexOf));

        int limit = options.maxImages() == 0 ? files.size() : Math.min(options.maxImages(), files.size());
        int size = options.resize();
        if ((long) limit * 3 * size * size > Integer.MAX_VALUE - 8) {
            throw new DatasetException(limit + " images of 3x" + size + "x" + size + " do not fit in one Java array (at most "
                    + (Integer.MAX_VALUE - 8) / (3L * size * size) + "); pass `maxSamples` or a smaller `imageSize`");
        }
        if (limit < files.size() && !classes.isEmpty()) {
            // Keep a sample of every class, not the first folders in name order: a seeded shuffle, the same for every thread count.
            files = new ArrayList<>(files);
            java.util.Collections.shuffle(files, new java.util.Random(SUBSET_SEED));
        }
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), daemonThreads());
        try {
            int next = 0;
            while (images.size() < limit && next < files.size()) {
                // Decode no more than are still needed (but at least one per thread), and consume the results in
                // file order, so that which files count as loaded or skipped never depends on the thread count.
                int chunk = Math.min(files.size() - next, Math.max(limit - images.size(), options.threads()));
                List<Future<Decoded>> futures = new ArrayList<>(chunk);
                for (int i = 0; i < chunk; i++) {
                    Path file = dir.resolve(files.get(next + i));
                    futures.add(pool.submit(() -> decode(file, size)));
                }
                for (int i = 0; i < chunk && images.size() < limit; i++) {
                    Decoded d = await(futures.get(i), dir);
                    String file = files.get(next + i);
                    if (d.pixels() == null) {
                        skipped.add(file);
                        LOG.debug("skipping {}: {}", dir.resolve(file), d.problem());
                    } else {
                        images.add(d.pixels());
                        labels.add(classes.isEmpty() ? 0 : classIndex.get(topFolder(file)));
                    }
                }
                next += chunk;
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> examples = skipped.subList(0, Math.min(EXAMPLES, skipped.size()));
        if (images.isEmpty()) {
            throw new DatasetException("none of the " + skipped.size() + " images under " + dir + " could be decoded (for example "
                    + String.join(", ", examples) + "); are they really JPEG or PNG files, and not truncated or HTML pages?");
        }
        if (!skipped.isEmpty()) {
            LOG.warn("skipped {} unreadable image file(s) under {}, for example {}", skipped.size(), dir, String.join(", ", examples));
        }
        int sample = 3 * size * size;
        float[] pixels = new float[images.size() * sample];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * sample, sample);
        }
        images.clear();
        int[] labelArray = classes.isEmpty() ? null : labels.stream().mapToInt(Integer::intValue).toArray();
        Path fileName = dir.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? dir.toString() : fileName.toString();
        TensorDataset data = TensorDataset.ofUnitImages(name, pixels, labelArray, new long[] {3, size, size});
        return new Loaded(data, skipped.size(), examples, classes);
    }

    /** Paths of the image files under {@code dir}, relative to it with '/' separators, sorted. */
    static List<String> imageFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(p -> p.getFileName() != null && isImage(p.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace(dir.getFileSystem().getSeparator(), "/"))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException("cannot list the images under " + dir + ": " + e.getMessage(), e);
        }
    }

    static boolean isImage(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static List<String> classes(Path dir, List<String> files) {
        long nested = files.stream().filter(f -> f.indexOf('/') >= 0).count();
        if (nested < files.size()) {
            if (nested > 0) {
                LOG.warn("{} holds images both at its top level and in sub-folders; loading them without labels", dir);
            }
            return List.of();
        }
        return files.stream().map(ImageFolder::topFolder).distinct().sorted().toList();
    }

    private static String topFolder(String relative) {
        return relative.substring(0, relative.indexOf('/'));
    }

    private static Decoded decode(Path file, int size) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders throw more than IIOException on malformed input (index and argument errors).
            return new Decoded(null, e.toString());
        }
        if (image == null) {
            return new Decoded(null, "no ImageIO reader recognises it");
        }
        try {
            return new Decoded(resizeAndCrop(image, size), null);
        } catch (RuntimeException e) {
            return new Decoded(null, e.toString());
        }
    }

    /**
     * The centre square scaled to {@code size x size} (the same as scaling the shorter side to
     * {@code size} and cropping the centre, without ever scaling the parts cut away: a long strip costs
     * no more than its square); pixels in [0, 1], channel-first.
     */
    static float[] resizeAndCrop(BufferedImage source, int size) {
        int w = source.getWidth();
        int h = source.getHeight();
        int side = Math.min(w, h);
        BufferedImage image = toRgb(source.getSubimage((w - side) / 2, (h - side) / 2, side, side));
        int current = side;
        // One bilinear step reads only the 4 source pixels around each output pixel; shrinking more than 2x
        // at once would skip pixels and alias, so large images are halved until the last step is at most 2x.
        while (current != size) {
            int next = current > size ? Math.max(size, current / 2) : size;
            image = scaled(image, next, next);
            current = next;
        }
        int[] rgb = image.getRGB(0, 0, size, size, null, 0, size);
        int plane = size * size;
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            out[i] = ((p >> 16) & 0xff) / 255f;
            out[plane + i] = ((p >> 8) & 0xff) / 255f;
            out[2 * plane + i] = (p & 0xff) / 255f;
        }
        return out;
    }

    /** The image as packed 8-bit RGB; gray is replicated, alpha composited over the black of a new canvas. */
    private static BufferedImage toRgb(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_INT_RGB) {
            return source;
        }
        BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static BufferedImage scaled(BufferedImage source, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static Decoded await(Future<Decoded> future, Path dir) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("interrupted while decoding the images under " + dir, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new DatasetException("cannot decode the images under " + dir + ": " + cause, cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "image-folder-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
