package io.reelsmith.testkit;

import com.google.genai.Client;
import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.Word;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.WordTimer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the money tests check the service against: what Google would bill for the emulator's billable calls (from
 * the same price table), what one 1-block video reserves, and google stages fast enough for tests.
 */
public final class GoogleBill {
    private GoogleBill() {}

    /** The sum Google would bill for every billable call in {@code log}. */
    public static BigDecimal of(CallLog log, GoogleConfig google) {
        BigDecimal sum = BigDecimal.ZERO;
        for (CallLog.Call c : log.calls()) {
            if (!c.billable()) continue;
            sum = sum.add(
                    switch (c.kind()) {
                        case "text" -> google.prices().perScript();
                        case "image" -> google.prices().perImage();
                        case "vision" -> google.prices().perDriftCheck();
                        case "transcribe" -> google.prices().transcription(c.seconds() / 60.0);
                        default -> google.prices().videoPerSecond().multiply(BigDecimal.valueOf(c.seconds()));
                    });
        }
        return sum;
    }

    /** One 1-block video as a batch reserves it: its script, and its 8 s clip with its drift check, each to the cent. */
    public static BigDecimal oneBlockVideo(GoogleConfig google) {
        var p = google.prices();
        BigDecimal clip = p.videoPerSecond().multiply(BigDecimal.valueOf(8)).add(p.perDriftCheck());
        return p.perScript().setScale(2, RoundingMode.UP).add(clip.setScale(2, RoundingMode.UP));
    }

    /** The google stages with the fastest render and {@link #SPREAD} words: what is tested is the money, not the look. */
    public static Stages fastStages(GoogleConfig google, SpendLedger.Recorder spend, Client client) {
        return new GoogleProvider(google, spend, client)
                .stages(SPREAD, CaptionStyle.SHORTS, new FinalRenderer("ultrafast", 35));
    }

    /** Spreads the script's words over the take (Veo reports no word times; the aligner is not what is tested here). */
    public static final WordTimer SPREAD = new WordTimer() {
        public String name() {
            return "spread";
        }

        public List<Word> time(Path media, String text, String language) throws IOException {
            double s = MediaInfo.probe(media).seconds();
            String[] w = text.strip().split("\\s+");
            List<Word> out = new ArrayList<>();
            for (int i = 0; i < w.length; i++) out.add(new Word(w[i], s * i / w.length, s * (i + 0.9) / w.length));
            return out;
        }
    };
}
