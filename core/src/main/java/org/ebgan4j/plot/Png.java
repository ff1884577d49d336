package org.ebgan4j.plot;

import org.ebgan4j.io.AtomicFiles;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Writes a picture as PNG, atomically, so a viewer polling the file never sees half of it. */
public final class Png {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Png() {}

    public static void write(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
