package io.reelsmith.video.animatic;

import io.reelsmith.character.painter.PortraitPainter;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.CharacterProfile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * Pictures for the other speakers of a script: a cast member's own reference image, or for anyone else (the
 * sidekick, a narrator…) a portrait chosen by their name from a few friendly kinds; with a name tag under it
 * so the viewer knows who talks. Made once per name and reused by every block, so they look the same all along.
 */
final class CastImages {
    private static final List<String> KINDS = List.of(
            "a small round robot",
            "an orange cat with a scarf",
            "a blue bird",
            "a brown bear with a bow tie",
            "a white bunny with a hair bow",
            "a friendly dog with a cap",
            "a green alien",
            "a little ghost");

    private final PortraitPainter painter = new PortraitPainter();

    /**
     * The tagged picture of {@code name} made into {@code dir} the first time it is needed: from {@code own}
     * (a cast member's reference image) when given, else painted.
     */
    Path imageFor(String speaker, Path own, Path dir) throws IOException {
        String name = speaker == null || speaker.isBlank() ? "?" : speaker.strip();
        // a plain lower-case name: the file is stored under a blob key, which allows no other characters
        Path file = dir.resolve("cast-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + ".png");
        if (Files.exists(file)) return file;
        BufferedImage portrait = own != null ? ImageIO.read(own.toFile()) : null;
        if (own != null && portrait == null)
            throw new IOException("the image of " + name + " is not a readable image: " + own);
        if (portrait == null) {
            String kind = KINDS.get(Math.floorMod(name.toLowerCase().hashCode(), KINDS.size()));
            portrait = painter.paint(new CharacterProfile(name, kind, "cartoon"));
        }
        BufferedImage tagged = withNameTag(portrait, name);
        AtomicFiles.writeAtomically(file, tmp -> ImageIO.write(tagged, "png", tmp.toFile()));
        return file;
    }

    private static BufferedImage withNameTag(BufferedImage portrait, String name) {
        int w = portrait.getWidth(), h = portrait.getHeight(), tag = 170;
        BufferedImage out = new BufferedImage(w, h + tag, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.drawImage(portrait, 0, 0, null);
            g.setFont(new Font("DejaVu Sans", Font.BOLD, 110));
            FontMetrics fm = g.getFontMetrics();
            String label = name.length() > 14 ? name.substring(0, 13) + "…" : name;
            int tw = Math.min(w - 20, fm.stringWidth(label) + 90);
            RoundRectangle2D box = new RoundRectangle2D.Double((w - tw) / 2.0, h + 10, tw, tag - 20, 70, 70);
            g.setColor(new Color(20, 20, 30, 215));
            g.fill(box);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(8));
            g.draw(box);
            g.drawString(
                    label, (w - fm.stringWidth(label)) / 2, h + 10 + (tag - 20 + fm.getAscent() - fm.getDescent()) / 2);
        } finally {
            g.dispose();
        }
        return out;
    }
}
