package io.reelsmith.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A ledger in a JSON-lines file (e.g. {@code ~/.reelsmith/spend.jsonl}): each record is appended and forced to
 * disk; on load, a later line for the same (job, step) replaces an earlier one.
 */
public final class JsonlSpendLedger extends InMemorySpendLedger {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private final Path file;

    public JsonlSpendLedger(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) super.record(JSON.readValue(line, SpendEntry.class));
            }
        }
    }

    @Override
    public synchronized void record(SpendEntry e) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap((JSON.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the spend ledger " + file, ex);
        }
        super.record(e);
    }
}
