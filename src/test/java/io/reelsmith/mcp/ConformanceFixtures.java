package io.reelsmith.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.EmbeddedResource;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The tools, resources and prompts the official conformance suite's server scenarios call by name (its reference
 * "everything" server's {@code test_*} fixtures), added at test time to the running /mcp server — never part of the
 * product. They answer through Reelsmith's own pieces where Reelsmith has one: every tool is a {@link Tool#of} tool
 * (the signed-in caller from the HTTP request, result building, a thrown {@link ToolError} mapped to an isError
 * result), resource contents come from {@link Resources#contents} (text or base64 by MIME type), and all of it is
 * reached through the bearer check, the Host/Origin check and the session-owner check of {@link McpHttp}.
 */
final class ConformanceFixtures {
    static final String ERROR_SENTENCE = "This tool intentionally returns an error for testing";
    private static final String NO_ARGUMENTS = "{\"type\":\"object\",\"properties\":{}}",
            ANY_OBJECT = "{\"type\":\"object\"}";
    private static final Pattern TEMPLATE_URI = Pattern.compile("test://template/([^/]+)/data");
    private static final byte[] PNG = png(), WAV = wav();

    private ConformanceFixtures() {}

    /** Adds every fixture to {@code server}; {@code server} keeps Reelsmith's own tools, templates and prompt. */
    static void addTo(McpSyncServer server) {
        tools().forEach(server::addTool);
        server.addResource(resource(
                "test://static-text",
                "static-text",
                "text/plain",
                "This is the content of the static text resource.".getBytes(StandardCharsets.UTF_8)));
        server.addResource(resource("test://static-binary", "static-binary", "image/png", PNG));
        var template = McpSchema.ResourceTemplate.builder("test://template/{id}/data", "template-data")
                .mimeType("application/json")
                .description("the id is substituted into the data")
                .build();
        server.addResourceTemplate(new SyncResourceTemplateSpecification(template, (exchange, request) -> {
            Matcher m = TEMPLATE_URI.matcher(request.uri());
            if (!m.matches()) throw McpError.RESOURCE_NOT_FOUND.apply(request.uri());
            String json = "{\"id\":\"" + m.group(1) + "\",\"templateTest\":true,\"data\":\"Data for ID: " + m.group(1)
                    + "\"}";
            return new ReadResourceResult(List.of(
                    Resources.contents(request.uri(), "application/json", json.getBytes(StandardCharsets.UTF_8))));
        }));
        prompts().forEach(server::addPrompt);
    }

    private static List<SyncToolSpecification> tools() {
        var json = McpServers.JSON;
        return List.of(
                Tool.of(
                        json,
                        Caller::of,
                        "test_simple_text",
                        "Simple text",
                        "Returns one text.",
                        NO_ARGUMENTS,
                        ANY_OBJECT,
                        true,
                        (caller, args, call) ->
                                new Tool.Output(Map.of(), "This is a simple text response for testing.")),
                Tool.of(
                        json,
                        Caller::of,
                        "test_image_content",
                        "Image",
                        "Returns a PNG.",
                        NO_ARGUMENTS,
                        ANY_OBJECT,
                        true,
                        (caller, args, call) -> new Tool.Output(Map.of(), "An image.", List.of(image()))),
                Tool.of(
                        json,
                        Caller::of,
                        "test_audio_content",
                        "Audio",
                        "Returns a WAV.",
                        NO_ARGUMENTS,
                        ANY_OBJECT,
                        true,
                        (caller, args, call) -> new Tool.Output(
                                Map.of(),
                                "A sound.",
                                List.of(new McpSchema.AudioContent(
                                        null, Base64.getEncoder().encodeToString(WAV), "audio/wav")))),
                Tool.of(
                        json,
                        Caller::of,
                        "test_embedded_resource",
                        "Embedded resource",
                        "Returns a resource inside.",
                        NO_ARGUMENTS,
                        ANY_OBJECT,
                        true,
                        (caller, args, call) -> new Tool.Output(
                                Map.of(),
                                "A resource.",
                                List.of(embedded(
                                        "test://embedded-resource",
                                        "text/plain",
                                        "This is an embedded resource content.")))),
                Tool.of(
                        json,
                        Caller::of,
                        "test_multiple_content_types",
                        "Mixed content",
                        "Text, image and resource.",
                        NO_ARGUMENTS,
                        ANY_OBJECT,
                        true,
                        (caller, args, call) -> new Tool.Output(
                                Map.of(),
                                "Multiple content types test:",
                                List.of(
                                        image(),
                                        embedded(
                                                "test://mixed-content-resource",
                                                "application/json",
                                                "{\"test\":\"data\",\"value\":123}")))),
                Tool.of(
                        json,
                        Caller::of,
                        "test_tool_with_logging",
                        "Logging",
                        "Logs three messages while it runs.",
                        NO_ARGUMENTS,
                        ANY_OBJECT,
                        true,
                        (caller, args, call) -> {
                            for (String m : List.of(
                                    "Tool execution started", "Tool processing data", "Tool execution completed")) {
                                call.exchange()
                                        .loggingNotification(McpSchema.LoggingMessageNotification.builder()
                                                .level(McpSchema.LoggingLevel.INFO)
                                                .logger("conformance")
                                                .data(m)
                                                .build());
                            }
                            return new Tool.Output(Map.of(), "Logged three messages.");
                        }),
                Tool.of(
                        json,
                        Caller::of,
                        "test_error_handling",
                        "Error",
                        "Always fails.",
                        NO_ARGUMENTS,
                        ANY_OBJECT,
                        true,
                        (caller, args, call) -> {
                            throw new ToolError(ERROR_SENTENCE);
                        }),
                Tool.of(
                        json,
                        Caller::of,
                        "test_tool_with_progress",
                        "Progress",
                        "Reports 0, 50 and 100 of 100.",
                        NO_ARGUMENTS,
                        ANY_OBJECT,
                        true,
                        (caller, args, call) -> {
                            if (call.progressToken() != null) {
                                for (double p : new double[] {0, 50, 100}) {
                                    call.exchange()
                                            .progressNotification(new McpSchema.ProgressNotification(
                                                    call.progressToken(), p, 100.0, p + " of 100"));
                                }
                            }
                            return new Tool.Output(Map.of(), "Progress reported.");
                        }),
                Tool.of(
                        json,
                        Caller::of,
                        "json_schema_2020_12_tool",
                        "JSON Schema 2020-12",
                        "Its input schema uses $schema, $defs and $ref.",
                        """
                        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                         "$defs":{"address":{"type":"object","properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
                         "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"}},"additionalProperties":false}""",
                        ANY_OBJECT,
                        true,
                        (caller, args, call) -> new Tool.Output(Map.of(), "Received.")));
    }

    private static List<SyncPromptSpecification> prompts() {
        return List.of(
                prompt(
                        "test_simple_prompt",
                        List.of(),
                        a -> List.of(user(new TextContent("This is a simple prompt for testing.")))),
                prompt(
                        "test_prompt_with_arguments",
                        List.of(
                                new PromptArgument("arg1", "First test argument", true),
                                new PromptArgument("arg2", "Second test argument", true)),
                        a -> List.of(user(new TextContent(
                                "Prompt with arguments: arg1='" + a.get("arg1") + "', arg2='" + a.get("arg2") + "'")))),
                prompt(
                        "test_prompt_with_embedded_resource",
                        List.of(new PromptArgument("resourceUri", "URI of the resource to embed", true)),
                        a -> List.of(
                                user(embedded(
                                        String.valueOf(a.get("resourceUri")),
                                        "text/plain",
                                        "Embedded resource content for testing.")),
                                user(new TextContent("Please process the embedded resource above.")))),
                prompt(
                        "test_prompt_with_image",
                        List.of(),
                        a -> List.of(user(image()), user(new TextContent("Please analyze the image above.")))));
    }

    private static SyncPromptSpecification prompt(
            String name, List<PromptArgument> arguments, Function<Map<String, Object>, List<PromptMessage>> messages) {
        return new SyncPromptSpecification(
                new McpSchema.Prompt(name, name, arguments),
                (exchange, request) -> new GetPromptResult(
                        name, messages.apply(request.arguments() == null ? Map.of() : request.arguments())));
    }

    private static PromptMessage user(McpSchema.Content content) {
        return new PromptMessage(Role.USER, content);
    }

    private static SyncResourceSpecification resource(String uri, String name, String mimeType, byte[] bytes) {
        var r = McpSchema.Resource.builder()
                .uri(uri)
                .name(name)
                .description(name + " fixture")
                .mimeType(mimeType)
                .build();
        return new SyncResourceSpecification(
                r, (exchange, request) -> new ReadResourceResult(List.of(Resources.contents(uri, mimeType, bytes))));
    }

    private static EmbeddedResource embedded(String uri, String mimeType, String text) {
        return new EmbeddedResource(null, Resources.contents(uri, mimeType, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static ImageContent image() {
        return new ImageContent(null, Base64.getEncoder().encodeToString(PNG), "image/png");
    }

    /** A real 1x1 red PNG. */
    private static byte[] png() {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A real WAV: 0.1 s of silence, 8 kHz mono 16-bit. */
    private static byte[] wav() {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        byte[] pcm = new byte[1600];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
