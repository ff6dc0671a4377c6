package io.reelsmith.storage;

/** The video's reads on H2, the default database. */
class VideosShownH2Test extends VideosShownContract {
    @Override
    protected Database db() {
        return TestDatabases.h2();
    }
}
