package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.kernel.SpendEntry;
import io.reelsmith.app.Budgets;
import io.reelsmith.app.DbSpendLedger;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code GET /spend}: the caller's budget, spend, reservations and ledger. */
record SpendApi(Budgets budgets, DbSpendLedger ledger) {
    void get(Context ctx, String userId) {
        Budgets.Account a = budgets.account(userId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("budgetUsd", a.budgetUsd());
        m.put("spentUsd", a.spentUsd());
        m.put("reservedUsd", a.reservedUsd());
        m.put("remainingUsd", a.remainingUsd());
        m.put("entries", ledger.entriesOf(userId).stream().map(SpendApi::entry).toList());
        Json.respond(ctx, 200, m);
    }

    private static Map<String, Object> entry(SpendEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("videoId", e.jobId());
        m.put("step", e.step());
        m.put("model", e.model());
        m.put("kind", e.kind());
        m.put("quantity", e.quantity());
        m.put("unit", e.unit());
        m.put("usd", e.usd());
        m.put("status", e.status().name().toLowerCase(Locale.ROOT));
        m.put("operationId", e.operationId());
        m.put("at", e.at());
        return m;
    }
}
