package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.app.ViewFields;
import io.reelsmith.app.money.Budgets;
import io.reelsmith.kernel.SpendEntry;
import io.reelsmith.kernel.SpendLedger;
import java.util.Locale;
import java.util.Map;

/** {@code GET /spend}: the caller's budget, spend, reservations and ledger. */
record SpendApi(Budgets budgets, SpendLedger ledger) {
    void get(Context ctx, String userId) {
        Map<String, Object> view = ViewFields.account(budgets.account(userId));
        view.put(
                "entries",
                ledger.entriesOf(userId).stream().map(SpendApi::entry).toList());
        Json.respond(ctx, 200, view);
    }

    private static Map<String, Object> entry(SpendEntry e) {
        return Json.object(
                "videoId",
                e.jobId(),
                "step",
                e.step(),
                "model",
                e.purchase().model(),
                "kind",
                e.purchase().kind(),
                "quantity",
                e.purchase().quantity(),
                "unit",
                e.purchase().unit(),
                "usd",
                e.purchase().usd(),
                "status",
                e.status().name().toLowerCase(Locale.ROOT),
                "operationId",
                e.operationId(),
                "at",
                e.at());
    }
}
