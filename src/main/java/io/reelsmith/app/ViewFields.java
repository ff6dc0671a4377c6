package io.reelsmith.app;

import io.reelsmith.app.character.CharacterRow;
import io.reelsmith.app.money.Budgets;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON fields the REST API and the MCP tools show alike, in one place so the two edges cannot drift apart. Each
 * is an ordered map (nulls kept) an edge extends with its own fields.
 */
public final class ViewFields {
    private ViewFields() {}

    /** A JSON object from names and values in turn, nulls kept, in order. */
    public static Map<String, Object> object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0)
            throw new IllegalArgumentException("a name without a value: " + namesAndValues.length + " arguments");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return m;
    }

    /** A character and where its image is ({@code image}: the field's name, which differs between the edges). */
    public static Map<String, Object> character(CharacterRow c, String image, String imageLink) {
        return object(
                "id",
                c.id(),
                "name",
                c.name(),
                "description",
                c.description(),
                "style",
                c.style(),
                "source",
                c.source(),
                image,
                imageLink);
    }

    /** A user's money in US dollars (a null budget or remainder: no limit). */
    public static Map<String, Object> account(Budgets.Account a) {
        return object(
                "budgetUsd",
                a.budgetUsd(),
                "spentUsd",
                a.spentUsd(),
                "reservedUsd",
                a.reservedUsd(),
                "remainingUsd",
                a.remainingUsd());
    }

    /** A video's money and its error, added to {@code view} in this order. */
    public static Map<String, Object> addMoney(Map<String, Object> view, VideoRow v, VideoService.Money money) {
        view.put("estimateUsd", v.estimateUsd());
        view.put("spentUsd", money.spentUsd());
        view.put("failReason", money.failReason());
        view.put("error", v.error());
        return view;
    }
}
