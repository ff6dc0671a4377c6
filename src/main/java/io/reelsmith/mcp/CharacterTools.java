package io.reelsmith.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.reelsmith.app.character.CharacterRow;
import io.reelsmith.kernel.CharacterProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** list_characters, create_character (drawn from a description, or from an image), show_character. */
final class CharacterTools {

    private CharacterTools() {}

    static List<SyncToolSpecification> all(
            McpJsonMapper mapper, Function<McpSyncServerExchange, Caller> callers, Services app) {
        return List.of(
                Tool.of(mapper, callers, "list_characters", (caller, args, call) -> {
                    args.only("limit", "offset");
                    var page = app.characters()
                            .list(
                                    caller.userId(),
                                    args.integer("limit", 20, 1, 100),
                                    args.integer("offset", 0, 0, Integer.MAX_VALUE));
                    return new Tool.Output(
                            Views.object(
                                    "items",
                                    page.items().stream().map(Views::character).toList(),
                                    "total",
                                    page.total()),
                            page.total() + " character(s).");
                }),
                Tool.of(mapper, callers, "create_character", (caller, args, call) -> {
                    args.only("name", "description", "style", "imageBase64", "imagePath");
                    CharacterProfile p = new CharacterProfile(
                            args.text("name", CharacterProfile.MAX_NAME),
                            args.optionalText("description", CharacterProfile.MAX_DESCRIPTION),
                            args.optionalText("style", CharacterProfile.MAX_STYLE));
                    byte[] image = image(caller, args);
                    CharacterRow c = image == null
                            ? app.characters().generate(caller.userId(), p, app.characterProvider())
                            : app.characters().upload(caller.userId(), p, image, "the image");
                    return new Tool.Output(
                            Views.character(c),
                            "Created " + c.name() + " (" + c.source() + "), id " + c.id() + ".",
                            List.of(imageLink(c)));
                }),
                Tool.of(mapper, callers, "show_character", (caller, args, call) -> {
                    args.only("characterId");
                    CharacterRow c = app.characters().find(caller.userId(), args.id("characterId", "character"));
                    return new Tool.Output(
                            Views.character(c), c.name() + ": " + c.description(), List.of(imageLink(c)));
                }));
    }

    private static McpSchema.ResourceLink imageLink(CharacterRow c) {
        return McpSchema.ResourceLink.builder()
                .name(c.name() + ".png")
                .uri(Resources.characterImage(c.id()))
                .mimeType("image/png")
                .build();
    }

    /** The picture given, if any: base64, or (stdio, the user's own machine) a path. Checked by content later. */
    private static byte[] image(Caller caller, Args args) throws IOException {
        String b64 = args.optionalText("imageBase64", 15_000_000);
        String path = args.optionalText("imagePath", 4096);
        if (b64 != null && path != null) throw new ToolError("give imageBase64 or imagePath, not both.");
        if (b64 != null) {
            try {
                return Base64.getMimeDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw new ToolError("imageBase64 is not valid base64.");
            }
        }
        if (path == null) return null;
        if (!caller.localFiles())
            throw new ToolError(
                    "imagePath is for the local (stdio) server; over HTTP send the picture as imageBase64.");
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) throw new ToolError("no such image file: " + path + ".");
        if (Files.size(file) > 10 * 1024 * 1024) throw new ToolError("the image is larger than 10 MB.");
        return Files.readAllBytes(file);
    }
}
