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
            jdbi.useHandle(
                    h -> h.createUpdate("INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)")
                            .bind(0, id)
                            .bind(1, email)
                            .bind(2, passwordHash)
                            .bind(3, now)
                            .execute());
        } catch (UnableToExecuteStatementException e) {
            if (byEmail(email).isPresent()) return Optional.empty();
            throw e;
        }
        return Optional.of(new UserRow(id, email, passwordHash, now.toInstant()));
    }

    public Optional<UserRow> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE email = ?")
                .bind(0, email)
                .map((rs, ctx) -> new UserRow(
                        rs.getString("id"),
                        rs.getString("email"),
                        rs.getString("password_hash"),
                        Rows.instant(rs, "created_at")))
                .findOne());
    }

    public boolean exists(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users WHERE id = ?")
                        .bind(0, id)
                        .mapTo(Integer.class)
                        .one())
                > 0;
    }

    /** Sets a user's own budget in US dollars (null: back to the configured default). False when there is no such user. */
    public boolean setBudget(String email, BigDecimal usd) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE users SET budget_usd = ? WHERE email = ?")
                        .bind(0, usd)
                        .bind(1, email)
                        .execute())
                > 0;
    }
}
