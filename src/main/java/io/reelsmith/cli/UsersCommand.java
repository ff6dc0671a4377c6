package io.reelsmith.cli;

import io.reelsmith.config.ServiceConfig;
import io.reelsmith.storage.Database;
import io.reelsmith.storage.Users;
import java.math.BigDecimal;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code reelsmith users budget EMAIL USD|default}: an administrator sets one user's budget in the service's
 * database (what {@code GET /api/v1/spend} reports as budgetUsd). With the default H2 database, stop the server
 * first (an H2 file opens in one process); with PostgreSQL, run it any time.
 */
@Command(name = "users", description = "Administer the service's users.")
public final class UsersCommand {
    @Command(
            name = "budget",
            description = "Set a user's budget in US dollars, or 'default' for reelsmith.budget.user.usd.")
    int budget(
            @Parameters(paramLabel = "EMAIL") String email,
            @Parameters(paramLabel = "USD|default") String usd,
            @Mixin ServiceOptions options) {
        BigDecimal amount = null;
        if (!usd.equals("default")) {
            try {
                amount = new BigDecimal(usd);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "the budget must be an amount of US dollars such as 25 or 12.50, or 'default', not '" + usd
                                + "'");
            }
            if (amount.signum() < 0) throw new IllegalArgumentException("the budget must not be negative: " + usd);
        }
        ServiceConfig config = options.load(Map.of()).service();
        try (Database db = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            if (!new Users(db.jdbi()).setBudget(email, amount))
                throw new IllegalArgumentException("no user with the email " + email);
        }
        System.out.println(email + ": budget "
                + (amount == null
                        ? "the default ("
                                + (config.userBudgetUsd() == null
                                        ? "no limit"
                                        : "$" + config.userBudgetUsd().toPlainString())
                                + ")"
                        : "$" + amount.toPlainString()));
        return 0;
    }
}
