package io.reelsmith.emulator;

/**
 * Every rule of Google's the emulator enforces, with where it comes from: a page of Google's (or, where none says it,
 * what it was inferred from: {@link #inferred}). The code that enforces a rule names it ({@code Rule.X.says(…)}), and
 * docs/google.md has one row per rule with its source, the date read and the test that checks it
 * ({@code EmulatorRulesTest} keeps the two in step).
 */
public enum Rule {
    // Who may call
    API_KEY(
            "a Gemini API call needs a valid key: none 403 PERMISSION_DENIED, a wrong one 400 API_KEY_INVALID",
            Sources.GEMINI_NOTES_3,
            "2026-12-07",
            null),
    VERTEX_TOKEN(
            "an Agent Platform (Vertex AI) call needs an OAuth 2 bearer token: none 401 UNAUTHENTICATED",
            Sources.GEMINI_NOTES_3,
            "2026-12-07",
            "the notes say Vertex AI is called with application default credentials; the 401 wording is Google Cloud's usual one"),
    // Which model, where
    RETIRED_MODEL(
            "a shut-down model answers 404 \"models/X is no longer available\" (not billed)",
            "https://ai.google.dev/gemini-api/docs/deprecations; docs.apiyi.com/en/live/2026-10/veo-3-1-preview-retired",
            "2026-12-03",
            null),
    UNSERVED_MODEL(
            "an unknown model, or one the surface does not serve (any Veo on an API key), answers 404 not found",
            "https://ai.google.dev/gemini-api/docs/deprecations (no Veo on the Gemini API since 2026-10-22)",
            "2026-12-03",
            null),
    OMNI_ONLY_INTERACTIONS(
            "Omni answers generateContent with 400 \"This model only supports Interactions API\"",
            "https://github.com/TanStack/ai/issues/871 (verified against the live Gemini API 2026-07-01)",
            "2026-12-03",
            null),
    ONLY_VEO_PREDICTS(
            "predictLongRunning serves only Veo; generateContent never serves Veo (400)",
            Sources.GEMINI_NOTES_3,
            "2026-12-07",
            "the notes describe predictLongRunning for Veo and generateContent for text and images; Google's exact words are ours"),
    VEO_GA_ON_V1(
            "Veo's GA models on Agent Platform answer v1beta1 with 400 RESOURCE_PROJECT_INVALID; v1 serves them",
            "https://github.com/googleapis/python-genai/issues/2079",
            "2026-12-03",
            null),
    // Veo's request
    VEO_PARAMETERS(
            "instances hold one; on the Gemini API Veo refuses numberOfVideos, enhancePrompt, outputGcsUri, fps, seed, pubsubTopic, compressionQuality and generateAudio, and sampleCount is 1 (Agent Platform: VEO_VERTEX_PARAMETERS, VEO_AUDIO)",
            Sources.GEMINI_NOTES_3,
            "2026-12-07",
            null),
    VEO_VERTEX_PARAMETERS(
            "on Agent Platform Veo takes enhancePrompt (true or false), seed (0 to 4294967295), compressionQuality (optimized or lossless) and sampleCount 1 to 4; the SDK's names numberOfVideos and outputGcsUri are not wire fields there",
            Sources.VERTEX_VEO_REFERENCE
                    + "; https://docs.cloud.google.com/vertex-ai/generative-ai/docs/reference/rest/Shared.Types/VideoGenerationModelParams",
            "2026-12-08",
            "the 400 for an SDK-only name is the usual unknown-field answer of Google's JSON APIs; storageUri, pubsubTopic and sampleCount above 1 are refused because the emulator does not model them (it answers one inline video), not because Google does"),
    VEO_AUDIO(
            "on Agent Platform generateAudio (true or false) is required for Veo 3 models: a request without it is refused (400); false answers a clip whose sound is silence",
            Sources.VERTEX_VEO_REFERENCE
                    + " ('generateAudio: Required for Veo 3 models. Generate audio for the video.'); "
                    + "github.com/GoogleCloudPlatform/generative-ai vision/getting-started/veo3_video_generation.ipynb"
                    + " ('Set generate_audio to True if you'd like audio to be included in the output video')",
            "2026-12-07",
            "the page says required, not what a request without it gets (a 400, or a silent clip): the 400 and its words are ours; that false keeps a silent audio track (not none) is ours; the page's text was read in copies of it (the stored Google page is cut before its parameter table)"),
    VEO_DURATION(
            "durationSeconds is a number, 4, 6 or 8 (an extension's: VEO_EXTENSION_REQUEST)",
            Sources.VEO_GEMINI_API,
            "2026-12-07",
            null),
    VEO_RESOLUTION(
            "resolution 720p, 1080p or 4k; 4k only at 8 s; 1080p only at 8 s on the Gemini API, at 4, 6 or 8 s on Agent Platform",
            Sources.VEO_GEMINI_API + "; " + Sources.VERTEX_VEO_NOTEBOOK + " (a 1080p clip of 6 s)",
            "2026-12-07",
            "on Agent Platform 4k only at 8 s is the Gemini API's rule, assumed there"),
    VEO_ASPECT("aspectRatio 16:9 (the default) or 9:16", Sources.VEO_GEMINI_API, "2026-12-07", null),
    VEO_IMAGES(
            "images come as bytesBase64Encoded (inlineData refused); a lastFrame needs a first image",
            Sources.GEMINI_NOTES_3,
            "2026-12-07",
            null),
    VEO_REFERENCES(
            "at most 3 asset reference images, with a prompt, at 8 s, never with an image, video or lastFrame",
            Sources.VEO_GEMINI_API,
            "2026-12-07",
            null),
    VEO_EXTENSION_REQUEST(
            "an extension's video is a uri of a Veo video (Agent Platform: also its bytes), at 720p, without an image, asked as 8 s on the Gemini API and as 7 s on Agent Platform (it adds 7 s on both); without durationSeconds, the surface's",
            Sources.VEO_GEMINI_API + " ('Must be \"8\" when using extension or interpolation'); "
                    + "https://github.com/googleapis/js-genai/issues/1059; " + Sources.VERTEX_VEO_NOTEBOOK_EXTEND + "; "
                    + Sources.EXTEND_VIDEOS + " ('can be extended by 7 seconds'); "
                    + "github.com/GoogleCloudPlatform/python-docs-samples genai/video_generation/videogen_with_vid.py"
                    + " (a Vertex extension with no durationSeconds)",
            "2026-12-07",
            "the notebook extends with veo-3.1-generate-preview: that veo-3.1-generate-001 takes 7 s too, and that Agent Platform refuses 8, are assumed"),
    VEO_PROMPT("a Veo request without a first image needs a prompt", Sources.VEO_GEMINI_API, "2026-12-07", null),
    VEO_SOURCE(
            "an extension's input is a Veo video the service made and still keeps (2 days), of the request's aspect ratio",
            Sources.VEO_GEMINI_API + "; https://github.com/googleapis/js-genai/issues/1176 (aspect ratio)",
            "2026-12-07",
            null),
    VEO_INPUT_LENGTH(
            "Agent Platform extends a Veo input of 1 to 30 s (the Gemini API's old limit: 141 s in, 148 s out)",
            Sources.EXTEND_VIDEOS,
            "2026-12-07",
            null),
    VEO_WHOLE_ANSWER(
            "a Veo extension answers one video: the input followed by 7 new seconds (billed: the 7 s)",
            Sources.EXTEND_VIDEOS,
            "2026-12-07",
            null),
    VEO_FIRST_LAST(
            "a first image with a lastFrame asks for a clip from one to the other (interpolation), made only by a model that interpolates; it lasts 8 s on the Gemini API, 4, 6 or 8 s on Agent Platform",
            Sources.FIRST_LAST + "; " + Sources.VEO_GEMINI_API
                    + " ('Must be \"8\" when using extension or interpolation'); "
                    + Sources.VERTEX_VEO_NOTEBOOK,
            "2026-12-07",
            "the drawing: the emulator's clip blends the first image into the last, its end frames are the two images"),
    // Omni's request
    OMNI_FORMAT(
            "response_format is a video: aspect_ratio 16:9 or 9:16, resolution 360p/720p/1080p/4k, delivery inline or uri; input has a text prompt",
            Sources.OMNI_GEMINI_API,
            "2026-12-03",
            null),
    OMNI_CLIP_LENGTH(
            "a new clip's duration is \"Ns\", one of the model's clip lengths (1.1: 3-10 s; 1.2: 3-15 s)",
            Sources.OMNI_GEMINI_API + "; developer.civitai.com/orchestration/recipes/gemini-omni (1.2: 3-15 s)",
            "2026-12-07",
            null),
    OMNI_TASK(
            "video_config.task is text_to_video, image_to_video (its first image is the first frame), reference_to_video or extend",
            Sources.OMNI_GEMINI_API,
            "2026-12-03",
            "the task names are the SDK 2.3.0 Task values; that image_to_video needs an image is ours"),
    OMNI_REFERENCES(
            "at most the model's reference images (3)",
            Sources.OMNI_GEMINI_API,
            "2026-12-03",
            "docs and notebook disagree (3 to 6); the catalogue keeps the smaller"),
    OMNI_EXTEND_PREVIOUS(
            "extend names a stored (store: true), finished interaction in previous_interaction_id, of the same aspect ratio; only extend names one",
            Sources.OMNI_GEMINI_API,
            "2026-12-03",
            "the aspect-ratio match is Veo's rule, assumed for Omni"),
    OMNI_EXTEND_SECONDS(
            "an extension adds 3 to 10 s", Sources.EXTEND_VIDEOS + "; " + Sources.OMNI_GEMINI_API, "2026-12-07", null),
    OMNI_FIRST_LAST(
            "image_to_video with a second image makes a clip from the first image to the second (its last frame), only for a model that interpolates",
            Sources.FIRST_LAST + "; " + Sources.OMNI_NOTEBOOK,
            "2026-12-07",
            "the notebook shows it on Agent Platform with gemini-omni-1.1-flash-preview; the Interactions API is the same on the Gemini API"),
    OMNI_CHAIN_TOTAL(
            "on the Gemini API extensions stack to 40 s: one that would answer more is refused (400)",
            Sources.OMNI_GEMINI_API + "; docs.oxen.ai gemini-omni-1-1-flash ('can stack to a cumulative 40 seconds')",
            "2026-12-07",
            "that the refusal is a 400 before anything is made; apidog.com says the Gemini API stops at 30 s"),
    OMNI_WHOLE_ANSWER(
            "on the Gemini API an extension answers the whole chain so far (the input, then the new seconds), billed for the new seconds",
            Sources.OMNI_GEMINI_API,
            "2026-12-07",
            "the Gemini API pages say only that extensions stack to 40 s; Agent Platform's page says Omni concatenates the extension onto the input, and third-party pages for the Omni extend endpoint say one file, original plus new, billed for the added seconds (muapi.ai gemini-omni-flash-1-2-extend)"),
    OMNI_TAIL_ANSWER(
            "on Agent Platform Omni takes an input of any length and answers its last 30 s (at most) followed by the new seconds, at most 40 s: a chain goes on",
            Sources.EXTEND_VIDEOS,
            "2026-12-07",
            null),
    OMNI_AGENT_PLATFORM(
            "Agent Platform serves Omni's Interactions API at v1beta1/projects/{p}/locations/{l}/interactions and answers videos inline",
            "https://www.skills.sh/kiwibapl/generative-media-skills/google-gemini-omni-video (Agent Platform: POST …/v1beta1/projects/{project}/locations/{location}/interactions)",
            "2026-12-07",
            "a third-party page and SDK 2.3.0's default API version for enterprise mode (v1beta1); inline delivery because Agent Platform has no files route"),
    // Files and transcription
    RETENTION(
            "a generated video can be downloaded or extended for 2 days; after that 404 / 400 expired",
            Sources.VEO_GEMINI_API,
            "2026-12-07",
            null),
    DOWNLOAD_REDIRECT(
            "a file download answers a redirect to the bytes (clients follow it)",
            Sources.GEMINI_NOTES_3,
            "2026-12-07",
            null),
    TRANSCRIBE_SURFACES(
            "gemini-3.5-transcribe transcribes a recorded file through generateContent, on the Gemini API and on Agent Platform; billed per audio minute",
            "https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/gemini/3-5-transcribe",
            "2026-12-07",
            "the price per minute: no source found (counted at $0.01/min)"),
    TRANSCRIBE_OWN_AUDIO(
            "the emulator transcribes only audio it made itself (400 otherwise): its limit, not Google's",
            "(the emulator's own limit)",
            "2026-12-07",
            "not a rule of Google's: the emulator knows what its clips say, nothing else");

    /** Where the rules' pages are. */
    static final class Sources {
        static final String EXTEND_VIDEOS =
                "https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/video/extend-videos";
        static final String VEO_GEMINI_API =
                "https://ai.google.dev/gemini-api/docs/video (Veo 3.1), as ../shared/docs/google-genai-notes.md section 4 transcribes it";
        static final String GEMINI_NOTES_3 =
                "../shared/docs/google-genai-notes.md section 3 (the SDK's sources and reports of live calls)";
        static final String FIRST_LAST =
                "https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/video/generate-videos-from-first-and-last-frames";
        static final String VERTEX_VEO_NOTEBOOK =
                "github.com/GoogleCloudPlatform/generative-ai vision/getting-started/veo3_advanced_controls.ipynb"
                        + " (veo-3.1-generate-001 on Vertex AI, frame interpolation: 'Video duration: Can be 4, 6, or 8 seconds', a 6 s example)";
        static final String VERTEX_VEO_REFERENCE =
                "https://docs.cloud.google.com/vertex-ai/generative-ai/docs/model-reference/veo-video-generation";
        static final String VERTEX_VEO_NOTEBOOK_EXTEND =
                "github.com/GoogleCloudPlatform/generative-ai vision/getting-started/veo3_advanced_controls.ipynb"
                        + " (Video extend on a vertexai client: duration_seconds=7, 'You can extend your video by 7 seconds')";
        static final String OMNI_NOTEBOOK =
                "github.com/GoogleCloudPlatform/generative-ai vision/getting-started/gemini_omni_1_1_flash_video_gen.ipynb"
                        + " ('Providing a second image is what tells the model to interpolate toward that ending frame')";
        static final String OMNI_GEMINI_API =
                "https://ai.google.dev/gemini-api/docs/omni, as ../shared/docs/google-genai-notes.md section 0 transcribes it";

        private Sources() {}
    }

    /** What the rule says. */
    public final String says;
    /** The page(s) it comes from. */
    public final String source;
    /** When the source was read. */
    public final String read;
    /** Null when the source says it; else what it was inferred from. */
    public final String inferred;

    Rule(String says, String source, String read, String inferred) {
        this.says = says;
        this.source = source;
        this.read = read;
        this.inferred = inferred;
    }

    /** {@code message}: the refusal as Google words it; naming the rule ties the check to its source. */
    String refuse(String message) {
        return message;
    }
}
