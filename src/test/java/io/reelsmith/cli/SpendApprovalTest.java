package io.reelsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.app.money.GooglePlan;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.Workspace;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpendApprovalTest {
    @TempDir
    Path dir;

    GooglePlan plan(String confirmAbove) throws Exception {
        var c = ConfigLoader.fromEnvironment(
                Map.of("REELSMITH_CONFIRM_ABOVE_USD", confirmAbove, "REELSMITH_GOOGLE_VERTEX", "true")); // veo
        return GooglePlan.of(
                c.google(),
                c.spendLimits(),
                new JobSpec("rain", new CharacterProfile("Nano", "", null), 4, "en"),
                new Workspace(dir));
    }

    static SpendApproval.Decision decide(
            GooglePlan p, boolean dry, boolean yes, String typed, boolean tty, StringWriter out) throws Exception {
        return new SpendApproval(new BufferedReader(new StringReader(typed)), tty, new PrintWriter(out))
                .decide(p, dry, yes);
    }

    @Test
    void aDryRunPrintsThePlanAndTheCostAndStops() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(decide(plan("1.00"), true, false, "", false, out)).isEqualTo(SpendApproval.Decision.DRY_RUN);
        assertThat(out.toString())
                .contains("block 1")
                .contains("+7 s extension")
                .contains("29 s")
                .contains("estimated total: $11.70")
                .contains("nothing was spent");
    }

    @Test
    void aboveTheThresholdItAsksUnlessYes() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(decide(plan("1.00"), false, false, "n\n", true, out)).isEqualTo(SpendApproval.Decision.DECLINED);
        assertThat(out.toString()).contains("Spend about $11.70 on Google? [y/N]");
        assertThat(decide(plan("1.00"), false, false, "y\n", true, new StringWriter()))
                .isEqualTo(SpendApproval.Decision.GO);
        assertThat(decide(plan("1.00"), false, true, "", false, new StringWriter()))
                .isEqualTo(SpendApproval.Decision.GO);
        assertThat(decide(plan("20"), false, false, "", false, new StringWriter()))
                .isEqualTo(SpendApproval.Decision.GO);
        assertThatThrownBy(() -> decide(plan("1.00"), false, false, "", false, new StringWriter()))
                .hasMessageContaining("$11.70")
                .hasMessageContaining("add --yes");
    }
}
