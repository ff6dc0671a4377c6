package io.reelsmith.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {
    @TempDir
    Path dir;

    @Test
    void fileThenEnvironmentThenCommandLineWin() throws Exception {
        Path file = dir.resolve("reelsmith.properties");
        Files.writeString(file, "reelsmith.http.port=9001\nreelsmith.jobs.workers=3\nreelsmith.token.lifetime.minutes=5\n"
                + "reelsmith.data.dir=" + dir.resolve("data") + "\n");
        Config c = Config.load(file, Map.of("REELSMITH_JOBS_WORKERS", "4", "REELSMITH_HTTP_PORT", "9002"), Map.of("reelsmith.http.port", "9003"));
        assertThat(c.port()).isEqualTo(9003);
        assertThat(c.workers()).isEqualTo(4);
        assertThat(c.tokenLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.dbUrl()).startsWith("jdbc:h2:file:" + dir.resolve("data"));
    }

    @Test
    void storageSettingsComeFromThePropertiesFileAndTheEnvironment() throws Exception {
        Path file = dir.resolve("worker.properties");
        Files.writeString(file, "reelsmith.data.dir=" + dir.resolve("data") + "\nreelsmith.storage.type=s3\n"
                + "reelsmith.storage.s3.bucket=acme-videos\nreelsmith.storage.s3.secret.key=never-printed\n"
                + "reelsmith.storage.download=redirect\n");
        Config c = Config.load(file, Map.of("REELSMITH_STORAGE_S3_REGION", "eu-west-3"), Map.of());

        assertThat(c.storage()).containsEntry("reelsmith.storage.type", "s3").containsEntry("reelsmith.storage.s3.bucket", "acme-videos")
                .containsEntry("reelsmith.storage.s3.region", "eu-west-3").doesNotContainKey("reelsmith.storage.s3.endpoint");
        assertThat(c.downloadLinkLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.toString()).contains("storage s3").doesNotContain("never-printed");
        assertThat(Config.load(null, Map.of(), Map.of("reelsmith.data.dir", dir.toString())).downloadLinkLifetime()).isNull();
        assertThatThrownBy(() -> Config.load(null, Map.of("REELSMITH_STORAGE_DOWNLOAD", "ftp"), Map.of("reelsmith.data.dir", dir.toString())))
                .hasMessageContaining("reelsmith.storage.download must be stream or redirect");
    }

    @Test
    void theTokenKeyIsMadeOnceAndKeptInTheDataDirectory() throws Exception {
        Map<String, String> o = Map.of("reelsmith.data.dir", dir.toString());
        String first = Config.load(null, Map.of(), o).jwtSecret();
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Config.load(null, Map.of(), o).jwtSecret()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("jwt.secret")))).isEqualTo("rw-------");
        assertThat(Config.load(null, Map.of("REELSMITH_JWT_SECRET", "x".repeat(40)), o).jwtSecret()).isEqualTo("x".repeat(40));
        assertThat(Config.load(null, Map.of(), o).toString()).doesNotContain(first);
    }

    @Test
    void badSettingsAreRefusedWithTheirName() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "reelsmith.htp.port=1\n");
        assertThatThrownBy(() -> Config.load(file, Map.of(), Map.of("reelsmith.data.dir", dir.toString())))
                .hasMessageContaining("unknown setting 'reelsmith.htp.port'");
        assertThatThrownBy(() -> Config.load(dir.resolve("missing.properties"), Map.of(), Map.of("reelsmith.data.dir", dir.toString())))
                .hasMessageContaining("missing.properties does not exist");
        assertThatThrownBy(() -> Config.load(null, Map.of("REELSMITH_HTTP_PORT", "eighty"), Map.of("reelsmith.data.dir", dir.toString())))
                .hasMessageContaining("reelsmith.http.port must be a whole number");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of("reelsmith.data.dir", dir.toString(), "reelsmith.jobs.poll.seconds", "1")))
                .hasMessageContaining("reelsmith.jobs.poll.seconds must be between 5");
        assertThatThrownBy(() -> Config.load(null, Map.of("REELSMITH_JWT_SECRET", "short"), Map.of("reelsmith.data.dir", dir.toString())))
                .hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of("reelsmith.data.dir", dir.toString(), "reelsmith.token.lifetime.minutes", "720")))
                .hasMessageContaining("reelsmith.token.lifetime.minutes must be between 1 and 60");
    }

    @Test
    void adminSurfacesAreClosedAndTokensShortByDefault() throws Exception {
        Config c = Config.load(null, Map.of(), Map.of("reelsmith.data.dir", dir.toString()));
        assertThat(c.dashboardEnabled()).isFalse();
        assertThat(c.tokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.apiLimits().forwardedHops()).as("X-Forwarded-For ignored unless a proxy is declared").isZero();
        assertThat(c.host()).isEqualTo("127.0.0.1");
    }
}
