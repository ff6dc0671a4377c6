package io.reelsmith.bench;

import io.reelsmith.harness.ClusterHarness;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The step transitions a cluster's journal ({@code video_step_log}) records, read once for every measure of a gap. */
final class StepJournal {
    /** A video's step {@code finishedStep} recorded finished, then the next step {@code startedStep} recorded started. */
    record Transition(String video, String finishedStep, Instant finished, String startedStep, Instant started) {
        /** started − finished, in ms. */
        double gapMs() {
            return Duration.between(finished, started).toNanos() / 1e6;
        }
    }

    private StepJournal() {}

    /** For each video, in journal order: each finished row paired with the started row that follows it. */
    static List<Transition> transitions(ClusterHarness cluster) throws SQLException {
        List<Transition> out = new ArrayList<>();
        try (Connection c = cluster.postgres().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT video_id, step, event, at FROM video_step_log WHERE event IN ('started', 'finished') ORDER BY video_id, id")) {
            String video = null;
            Instant finished = null;
            String finishedStep = null;
            while (rs.next()) {
                if (!rs.getString(1).equals(video)) {
                    video = rs.getString(1);
                    finished = null;
                }
                Instant at = rs.getObject(4, OffsetDateTime.class).toInstant();
                if (rs.getString(3).equals("finished")) {
                    finished = at;
                    finishedStep = rs.getString(2);
                } else if (finished != null) {
                    out.add(new Transition(video, finishedStep, finished, rs.getString(2), at));
                    finished = null;
                }
            }
        }
        return out;
    }
}
