package org.ebgan4j.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

class PngTest {

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryBehind(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("a/b.png");
        BufferedImage small = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        small.setRGB(2, 1, 0x123456);
        Png.write(new BufferedImage(9, 9, BufferedImage.TYPE_INT_RGB), png);
        Png.write(small, png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertThat(back.getWidth()).isEqualTo(3);
        assertThat(back.getRGB(2, 1) & 0xffffff).isEqualTo(0x123456);
        try (var files = Files.list(png.getParent())) {
            assertThat(files).containsExactly(png);
        }
    }
}
