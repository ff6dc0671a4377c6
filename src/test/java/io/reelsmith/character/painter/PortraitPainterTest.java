package io.reelsmith.character.painter;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.CharacterProfile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PortraitPainterTest {
    private final PortraitPainter painter = new PortraitPainter();

    @Test
    void sameProfileGivesTheSameBytesAndOtherNamesDiffer() throws Exception {
        CharacterProfile nano = new CharacterProfile("Nano", "a cute banana with sunglasses", "cartoon");
        byte[] a = painter.create(nano), again = painter.create(nano);
        byte[] other = painter.create(new CharacterProfile("Bobo", "a cute banana with sunglasses", "cartoon"));
        assertThat(a).isEqualTo(again);
        assertThat(other).isNotEqualTo(a);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(a));
        assertThat(img.getWidth()).isEqualTo(1024);
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        assertThat(alpha(img, 5, 5)).isZero(); // the corner is transparent: the animatic composites it
        assertThat(alpha(img, 480, 470)).isEqualTo(255); // the face is opaque
    }

    @Test
    void descriptionWordsDecideColours() {
        BufferedImage banana = painter.paint(new CharacterProfile("Nano", "a banana", "cartoon"));
        int p = banana.getRGB(420, 600); // inside the banana's body, below the face
        assertThat((p >> 16) & 0xff).isGreaterThan(200); // yellow: lots of red and green, little blue
        assertThat((p >> 8) & 0xff).isGreaterThan(170);
        assertThat(p & 0xff).isLessThan(110);

        PortraitTraits blueHair =
                PortraitTraits.from(new CharacterProfile("Kiko", "a girl with blue hair and a red scarf", "anime"));
        assertThat(blueHair.hair().getBlue()).isGreaterThan(blueHair.hair().getRed());
        assertThat(blueHair.accent().getRed()).isGreaterThan(200);
        assertThat(blueHair.accessories()).contains(PortraitTraits.Accessory.SCARF);
        assertThat(PortraitTraits.from(new CharacterProfile("Bip", "un robot avec des lunettes de soleil", "pixel")))
                .satisfies(t -> {
                    assertThat(t.kind()).isEqualTo(PortraitTraits.Kind.ROBOT);
                    assertThat(t.accessories()).containsExactly(PortraitTraits.Accessory.SUNGLASSES);
                    assertThat(t.style()).isEqualTo(RenderStyle.PIXEL);
                });
    }

    @Test
    void styleChangesTheDrawing() {
        CharacterProfile cartoon = new CharacterProfile("Mimi", "an orange cat", "cartoon");
        BufferedImage flat = painter.paint(cartoon);
        BufferedImage pixel = painter.paint(new CharacterProfile("Mimi", "an orange cat", "pixel art"));
        BufferedImage water = painter.paint(new CharacterProfile("Mimi", "an orange cat", "watercolor"));
        assertThat(differingPixels(flat, pixel)).isGreaterThan(5_000);
        assertThat(differingPixels(flat, water)).isGreaterThan(50_000);
        // Pixel art: every 10x10 cell (1024/96) is one flat colour.
        assertThat(pixel.getRGB(531, 500)).isEqualTo(pixel.getRGB(538, 506));
    }

    private static int alpha(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) >>> 24;
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y += 2)
            for (int x = 0; x < a.getWidth(); x += 2) if (a.getRGB(x, y) != b.getRGB(x, y)) n++;
        return n * 4;
    }
}
