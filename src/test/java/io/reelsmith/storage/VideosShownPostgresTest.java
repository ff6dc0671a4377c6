package io.reelsmith.storage;

/** The video's reads on PostgreSQL, what a cluster shares. */
class VideosShownPostgresTest extends VideosShownContract {
    @Override
    protected Database db() {
        return TestDatabases.postgres();
    }
}
