package io.reelsmith.google;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoogleModelsTest {
    private final GoogleModels c = GoogleModels.builtIn();

    @Test
    void defaultsFollowTheSurface() {
        assertEquals("veo-3.1-generate-001", c.defaultFor(Surface.VERTEX, GoogleModels.Kind.VEO));
        assertEquals("gemini-omni-1.1-flash", c.defaultFor(Surface.GEMINI_API, GoogleModels.Kind.OMNI));
        assertEquals("gemini-3.1-flash-image", c.defaultFor(Surface.GEMINI_API, GoogleModels.Kind.IMAGE));
        assertFalse(c.find(c.defaultFor(Surface.VERTEX, GoogleModels.Kind.TEXT))
                .orElseThrow()
                .isShutdown());
    }

    @Test
    void retiredIdsAreRefusedWithDateAndReplacement() {
        String veo = refusal(
                RetiredModelException.class, "veo-3.1-generate-preview", Surface.GEMINI_API, GoogleModels.Kind.VEO);
        assertTrue(veo.contains("2026-10-22"), veo);
        assertTrue(veo.contains("gemini-omni-1.1-flash"), veo);
        String img =
                refusal(RetiredModelException.class, "gemini-2.5-flash-image", Surface.VERTEX, GoogleModels.Kind.IMAGE);
        assertTrue(img.contains("2026-10-02") && img.contains("gemini-3.1-flash-image"), img);
        for (String id : new String[] {
            "gemini-2.5-pro",
            "gemini-3.1-flash-image-preview",
            "gemini-3-pro-image-preview",
            "veo-3.0-generate-001",
            "veo-2.0-generate-001"
        }) {
            assertTrue(c.find(id).orElseThrow().isShutdown(), id);
        }
    }

    @Test
    void veoIsNotServedOnAnApiKeyAndUnknownIdsAreRefused() {
        String veo = refusal(
                IllegalArgumentException.class, "veo-3.1-generate-001", Surface.GEMINI_API, GoogleModels.Kind.VEO);
        assertTrue(veo.contains("Vertex"), veo);
        assertThrows(IllegalArgumentException.class, () -> c.require("veo-9-imaginary", Surface.VERTEX));
        refusal(IllegalArgumentException.class, "gemini-3.8-flash", Surface.VERTEX, GoogleModels.Kind.IMAGE);
    }

    @Test
    void limitsAndPricesComeFromTheFile() throws Exception {
        GoogleModels.Model veo = c.find("veo-3.1-generate-001").orElseThrow();
        GoogleModels.Extension extend = veo.extension(Surface.VERTEX).orElseThrow();
        assertEquals(30.0, extend.maxInputSeconds());
        assertEquals(List.of(7), extend.newSeconds());
        assertEquals(37.0, extend.maxAnswerSeconds());
        assertTrue(extend.source().contains("extend-videos") && extend.checked().equals("2026-12-07"), extend.source());
        assertNull(extend.refusal(30, 7));
        assertTrue(extend.refusal(36, 7).contains("at most 30 s"), extend.refusal(36, 7));
        assertTrue(veo.extension(Surface.GEMINI_API).isEmpty());
        assertEquals(new BigDecimal("0.40"), veo.perSecond("720p"));
        assertEquals(new BigDecimal("0.60"), veo.perSecond("4k"));
        for (GoogleModels.Model m : c.models()) assertNotNull(m.source(), m.id());

        // An operator's copy (REELSMITH_GOOGLE_MODELS) that breaks a default is refused at start, not at a call.
        Path copy = Files.createTempFile("models", ".json");
        try {
            String s = new String(getClass()
                            .getResourceAsStream(GoogleModels.RESOURCE)
                            .readAllBytes())
                    .replace(
                            "\"id\": \"veo-3.1-generate-001\", \"surfaces\": [\"vertex\"], \"kind\": \"veo\", \"lifecycle\": \"ga\"",
                            "\"id\": \"veo-3.1-generate-001\", \"surfaces\": [\"vertex\"], \"kind\": \"veo\", \"lifecycle\": \"shutdown\", \"shutdown\": \"2027-01-01\", \"replacement\": \"veo-4\"");
            Files.writeString(copy, s);
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> GoogleModels.load(copy.toString()));
            assertTrue(e.getMessage().contains("default vertex/video"), e.getMessage());
            // an extend rule whose chain goes on for ever must keep a bounded tail of any input
            Files.writeString(
                    copy,
                    new String(getClass()
                                    .getResourceAsStream(GoogleModels.RESOURCE)
                                    .readAllBytes())
                            .replace(
                                    "\"keptInputSeconds\": 30, \"maxAnswerSeconds\": 40, \"chainPastMaxAnswer\": true",
                                    "\"maxAnswerSeconds\": 40, \"chainPastMaxAnswer\": true"));
            e = assertThrows(IllegalStateException.class, () -> GoogleModels.load(copy.toString()));
            assertTrue(
                    e.getMessage().contains("gemini-omni-1.2-flash: an extend rule whose chain goes on"),
                    e.getMessage());
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** The message of the {@code type} that requiring {@code id} as a {@code kind} on {@code surface} throws. */
    private String refusal(Class<? extends Exception> type, String id, Surface surface, GoogleModels.Kind kind) {
        return assertThrows(type, () -> c.require(id, surface, kind)).getMessage();
    }
}
