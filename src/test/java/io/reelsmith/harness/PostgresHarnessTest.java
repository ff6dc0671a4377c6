package io.reelsmith.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresHarnessTest {
    @Test
    void startsAServerWithADatabaseAndRemovesEverythingOnClose() throws Exception {
        Path dataDir;
        int port;
        try (PostgresHarness pg = PostgresHarness.start()) {
            port = pg.port();
            try (Connection c = pg.connect();
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t(x int)");
                st.execute("INSERT INTO t VALUES (41), (1)");
                ResultSet rs = st.executeQuery("SELECT sum(x), current_database(), version() FROM t");
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
                assertThat(rs.getString(2)).isEqualTo("reelsmith");
                assertThat(rs.getString(3)).startsWith("PostgreSQL");
            }
            dataDir = pg.directory();
            assertThat(dataDir.resolve("data/PG_VERSION")).exists();
            assertThat(pg.log()).isNotBlank();
        }
        assertThat(dataDir).doesNotExist();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
}
