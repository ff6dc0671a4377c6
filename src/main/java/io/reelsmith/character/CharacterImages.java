package io.reelsmith.character;

import io.reelsmith.kernel.CharacterProfile;
import java.io.IOException;

/**
 * Port: draw the character's reference image once, as PNG bytes (portrait, 9:16 or square).
 * Adapters: {@code PortraitPainter} (offline, Java2D) and the Gemini image model ("Nano Banana").
 */
public interface CharacterImages {
    byte[] create(CharacterProfile profile) throws IOException;

    /**
     * Cast member {@code castIndex}'s image (0: the lead). A paid adapter records each member's image as its own
     * charge, so the second image of a cast does not replace the first in the ledger.
     */
    default byte[] create(CharacterProfile profile, int castIndex) throws IOException {
        return create(profile);
    }
}
