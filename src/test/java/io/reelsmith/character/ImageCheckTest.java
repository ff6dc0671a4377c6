package io.reelsmith.character;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.character.painter.PortraitPainter;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.Ffmpeg;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCheckTest {
    @Test
    void acceptsPngJpegAndWebpByContentAndNormalisesToPng(@TempDir Path dir) throws Exception {
        byte[] png = new PortraitPainter().create(new CharacterProfile("Nano", "banana", "cartoon"));
        Path pngFile = dir.resolve("nano.png");
        Files.write(pngFile, png);
        Path jpg = dir.resolve("nano.jpg"), webp = dir.resolve("nano.webp");
        Ffmpeg.command().input(pngFile).args("-frames:v", "1").output(jpg).run();
        Ffmpeg.command()
                .input(pngFile)
                .args("-frames:v", "1", "-c:v", "libwebp")
                .output(webp)
                .run();

        assertThat(ImageCheck.detect(Files.readAllBytes(jpg), "x")).isEqualTo(ImageCheck.Format.JPEG);
        assertThat(ImageCheck.detect(Files.readAllBytes(webp), "x")).isEqualTo(ImageCheck.Format.WEBP);
        for (Path p : new Path[] {pngFile, jpg, webp}) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(ImageCheck.toPng(p)));
            assertThat(img.getWidth()).as(p.toString()).isEqualTo(1024);
            assertThat(img.getHeight()).isEqualTo(1024);
        }
        // A PNG named .jpg is still a PNG: content decides.
        Path misnamed = dir.resolve("really-png.jpg");
        Files.write(misnamed, png);
        assertThat(ImageCheck.toPng(misnamed)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void refusesTextNamedPngTruncatedAndTinyImagesWithClearMessages(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("character.png");
        Files.writeString(text, "this is not an image\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImageCheck.toPng(text))
                .isInstanceOf(ImageCheck.BadImageException.class)
                .hasMessageContaining("character.png is a text file");

        byte[] png = new PortraitPainter().create(new CharacterProfile("Nano", "banana", "cartoon"));
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(png, png.length / 2));
        assertThatThrownBy(() -> ImageCheck.toPng(cut)).hasMessageContaining("truncated PNG");

        BufferedImage tiny = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);
        Path small = dir.resolve("tiny.png");
        ImageIO.write(tiny, "png", small.toFile());
        assertThatThrownBy(() -> ImageCheck.toPng(small)).hasMessageContaining("20x20 px");

        Path empty = dir.resolve("empty.png");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> ImageCheck.toPng(empty)).hasMessageContaining("is empty");
    }
}
