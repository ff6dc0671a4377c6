package io.reelsmith.subtitle.align;

import io.reelsmith.subtitle.WordTimer;

/** What the two pocketsphinx timers share: the decoder, whether it is installed, and their name. */
abstract sealed class PocketsphinxTimer implements WordTimer permits SphinxAligner, SphinxRecognizer {
    final Pocketsphinx sphinx;
    private final String name;

    PocketsphinxTimer(String name, Pocketsphinx sphinx) {
        this.name = name;
        this.sphinx = sphinx;
    }

    public boolean available() {
        return sphinx.available();
    }

    @Override
    public String name() {
        return name;
    }
}
