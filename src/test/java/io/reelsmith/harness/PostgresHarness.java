package io.reelsmith.harness;

import io.reelsmith.kernel.FileTrees;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server from Debian's packages (apt-get install postgresql): initdb into a temporary
 * directory, pg_ctl start on a free loopback port, one database; {@link #close()} stops it and deletes
 * everything. PostgreSQL refuses to run as root, so when we are root (tests, CI) its commands run as the
 * {@code postgres} user. Durability settings are off: this server holds test data only.
 */
public final class PostgresHarness implements AutoCloseable {
    public static final String DATABASE = "reelsmith";
    public static final String USER = "postgres";

    private final Path dir;
    private final Path bin;
    private final int port;
    private boolean running;

    private PostgresHarness(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    public static PostgresHarness start() throws IOException {
        Path bin = findBinaries();
        Path dir = Files.createTempDirectory("reelsmith-pg");
        PostgresHarness pg = new PostgresHarness(dir, bin, freePort());
        try {
            pg.initAndStart();
            pg.createDatabase();
            return pg;
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** The temporary directory holding the cluster; gone after {@link #close()}. */
    public Path directory() {
        return dir;
    }

    /** The server's own log, for a failing test to print. */
    public String log() {
        try {
            return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    private void initAndStart() throws IOException {
        if (isRoot()) run(List.of("chown", USER + ":" + USER, dir.toString()), false);
        Path data = dir.resolve("data");
        run(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-A",
                        "trust",
                        "-U",
                        USER,
                        "-E",
                        "UTF8",
                        "--no-sync",
                        "-D",
                        data.toString()),
                true);
        // Sockets in our own directory: /var/run/postgresql may not exist or belong to us.
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                + " -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                // statement counts for bench orchestration (Debian's server package ships the module)
                + " -c shared_preload_libraries=pg_stat_statements";
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data.toString(),
                        "-o",
                        options,
                        "-l",
                        dir.resolve("server.log").toString(),
                        "-w",
                        "-t",
                        "60",
                        "start"),
                true);
        running = true;
    }

    private void createDatabase() throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("could not create the test database: " + e.getMessage() + "\n" + log(), e);
        }
    }

    @Override
    public void close() {
        if (running) {
            try {
                run(
                        List.of(
                                bin.resolve("pg_ctl").toString(),
                                "-D",
                                dir.resolve("data").toString(),
                                "-m",
                                "immediate",
                                "-w",
                                "stop"),
                        true);
            } catch (IOException e) {
                System.err.println("could not stop the test PostgreSQL: " + e.getMessage());
            }
            running = false;
        }
        FileTrees.deleteTreeQuietly(dir);
    }

    /** The newest /usr/lib/postgresql/N/bin that has initdb (Debian installs the server tools there, not on PATH). */
    static Path findBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var best = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> versionOf(b.getParent())));
                if (best.isPresent()) return best.get();
            }
        }
        throw new IOException(
                "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)");
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void run(List<String> command, boolean asPostgres) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres && isRoot()) cmd.addAll(List.of("runuser", "-u", USER, "--"));
        cmd.addAll(command);
        Path out = Files.createTempFile("reelsmith-pg-cmd", ".log");
        try {
            // cwd = our directory: the postgres user may not be allowed into the caller's working directory
            Process p = new ProcessBuilder(cmd)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(out, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
