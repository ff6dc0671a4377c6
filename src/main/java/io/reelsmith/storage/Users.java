package io.reelsmith.storage;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Accounts. Emails are stored lower-cased so that "A@x" and "a@x" are one account. */
public final class Users {
    private final Jdbi jdbi;

    public Users(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Empty when the email is taken (the unique index decides, so two racing sign-ups cannot both win). */
    public Optional<UserRow> create(String email, String passwordHash) {
        String id = UUID.randomUUID().toString();
        var now = Rows.now();
        try {
            Rows.update(
                    jdbi,
                    "INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)",
                    id,
                    email,
                    passwordHash,
                    now);
        } catch (UnableToExecuteStatementException e) {
            if (byEmail(email).isPresent()) return Optional.empty();
            throw e;
        }
        return Optional.of(new UserRow(id, email, passwordHash, now.toInstant()));
    }

    public Optional<UserRow> byEmail(String email) {
        return Rows.find(
                jdbi,
                (rs, ctx) -> new UserRow(
                        rs.getString("id"),
                        rs.getString("email"),
                        rs.getString("password_hash"),
                        Rows.instant(rs, "created_at")),
                "SELECT * FROM users WHERE email = ?",
                email);
    }

    public boolean exists(String id) {
        return Rows.value(jdbi, Integer.class, "SELECT COUNT(*) FROM users WHERE id = ?", id)
                        .orElseThrow()
                > 0;
    }

    /** Sets a user's own budget in US dollars (null: back to the configured default). False when there is no such user. */
    public boolean setBudget(String email, BigDecimal usd) {
        return Rows.changed(jdbi, "UPDATE users SET budget_usd = ? WHERE email = ?", usd, email);
    }
}
