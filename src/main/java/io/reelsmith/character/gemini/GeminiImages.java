package io.reelsmith.character.gemini;

import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.ImageConfig;
import com.google.genai.types.Part;
import io.reelsmith.character.CharacterImages;
import io.reelsmith.google.GeminiCalls;
import io.reelsmith.google.GoogleException;
import io.reelsmith.google.ImageMime;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.Step;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The character image with Gemini's image model ("Nano Banana"), 9:16, and the first/last frames of the
 * interpolation mode, drawn from that character image so the character stays the same.
 */
public record GeminiImages(GeminiCalls gemini) implements CharacterImages {

    @Override
    public byte[] create(CharacterProfile p) throws IOException {
        return create(p, 0);
    }

    @Override
    public byte[] create(CharacterProfile p, int castIndex) throws IOException {
        // the lead's image is entry "character", another cast member's "character-2", …
        String step = castIndex == 0 ? Step.CHARACTER.text() : Step.CHARACTER.text() + "-" + (castIndex + 1);
        String prompt = "Character design reference of " + p.name()
                + (p.description().isEmpty() ? "" : ": " + p.description())
                + ". " + p.style() + " style. Full body, facing the camera, neutral pose, plain light background, "
                + "vertical 9:16 portrait, no text.";
        byte[] png = generate("character image", step, List.of(Part.fromText(prompt)));
        billImage(step);
        return png;
    }

    /**
     * A keyframe of a parallel take under {@code step} ("keyframe-3"): the cast (reference images, lead first) in
     * {@code scene}, keeping the set, light and clothes of {@code previous} (the keyframe it follows; null for the
     * first). Billed as one image, recorded under its step.
     */
    public byte[] keyframe(String step, List<byte[]> cast, byte[] previous, String scene) throws IOException {
        List<Part> parts = new ArrayList<>();
        for (byte[] c : cast) parts.add(Part.fromBytes(c, ImageMime.of(c)));
        if (previous != null) parts.add(Part.fromBytes(previous, ImageMime.of(previous)));
        String who = cast.size() == 1
                ? "The character in the first image"
                : "The characters in the first " + cast.size() + " images";
        parts.add(Part.fromText("A still keyframe of a vertical 9:16 video. " + who + ": keep each one's look exactly. "
                + (previous == null
                        ? ""
                        : "The last image is the keyframe before this one: keep its set, light and clothes unless the scene changes them. ")
                + scene + " No text, no captions."));
        byte[] png = generate("keyframe", step, parts);
        billImage(step);
        return png;
    }

    /** One image made under {@code step}: billed at the catalogue's price per image. */
    private void billImage(String step) {
        gemini.spend().record(new SpendLedger.Charge(step, image(), SpendStatus.CHARGED, null));
    }

    /** What each image call buys, made or lost: one image at the catalogue's price. */
    private Purchase image() {
        return new Purchase(
                gemini.config().imageModel(),
                "image",
                1,
                "image",
                gemini.config().prices().perImage());
    }

    /** Records a keyframe call whose answer was lost (the process stopped inside it) as uncertain spend. */
    public void uncertainKeyframe(String step, int attempt) {
        gemini.spend()
                .record(new SpendLedger.Charge(step + ".uncertain-" + attempt, image(), SpendStatus.UNCERTAIN, null));
    }

    /** A first or last frame for Veo's interpolation: the character placed in the scene. */
    public byte[] frame(byte[] characterPng, String scene) throws IOException {
        return generate(
                "frame image",
                "frame",
                List.of(
                        Part.fromBytes(characterPng, ImageMime.of(characterPng)),
                        Part.fromText("The character in this image. " + scene
                                + " Keep the character's look exactly; no text.")));
    }

    private byte[] generate(String what, String step, List<Part> parts) throws IOException {
        GenerateContentConfig cfg = GenerateContentConfig.builder()
                .responseModalities("TEXT", "IMAGE")
                .imageConfig(ImageConfig.builder().aspectRatio("9:16").build())
                .build();
        Content content =
                Content.builder().role("user").parts(new ArrayList<>(parts)).build();
        GenerateContentResponse r =
                gemini.generateUnblocked(what, step, gemini.config().imageModel(), content, cfg);
        List<Part> answer = r.parts() == null ? List.of() : r.parts();
        for (Part part : answer) {
            var data = part.inlineData().flatMap(b -> b.data());
            if (data.isPresent()
                    && part.inlineData().get().mimeType().orElse("image/png").startsWith("image/")) return data.get();
        }
        String text = answer.stream()
                .map(pt -> pt.text().orElse(""))
                .reduce("", String::concat)
                .strip();
        throw new GoogleException(
                gemini.config().imageModel() + " returned no image" + (text.isEmpty() ? "" : ": " + text));
    }
}
