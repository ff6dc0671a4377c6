package io.reelsmith.mcp;

import io.reelsmith.app.batch.BatchService;
import io.reelsmith.app.character.CharacterLibrary;
import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.app.money.Budgets;
import io.reelsmith.app.money.PlanPrices;
import io.reelsmith.app.video.VideoService;
import java.util.List;

/**
 * The application layer as the MCP server uses it: the same services as the REST API, so every paid action goes
 * through the same budget checks and never-pay-twice path. {@code characterProvider}: who draws a character
 * from a description; {@code prices}: what n blocks cost on each back end.
 */
public record Services(
        CharacterLibrary characters,
        VideoService videos,
        BatchService batches,
        Budgets budgets,
        VideoFiles files,
        String characterProvider,
        Prices prices) {
    /** The price of a video of n blocks on each back end (app/PlanPrices with the service's google settings). */
    @FunctionalInterface
    public interface Prices {
        List<PlanPrices.BackEnd> of(int blocks);
    }
}
