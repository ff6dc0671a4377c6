package io.reelsmith.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.reelsmith.app.batch.Themes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tools' texts in tools.json: one entry for each tool the server has, schemas whole, numbers as the code's. */
class ToolTextsTest {
    private static List<SyncToolSpecification> tools() {
        var tools = new ArrayList<>(CharacterTools.all(McpServers.JSON, c -> null, null));
        tools.addAll(VideoTools.all(McpServers.JSON, c -> null, null, null));
        return tools;
    }

    @Test
    void everyToolHasItsTextsAndItsSchemasHaveTheSharedPartsWrittenOut() throws Exception {
        var tools = tools();
        assertThat(tools).hasSize(11);
        for (var t : tools) {
            String listed = McpServers.JSON.writeValueAsString(t.tool());
            assertThat(listed).as(t.tool().name()).doesNotContain("$ref", "$defs");
            assertThat(t.tool().description()).as(t.tool().name()).isNotBlank();
        }
        JsonNode video = Tool.JSON.valueToTree(find(tools, "make_video").tool().outputSchema());
        assertThat(video.at("/properties/videoId/type").asText()).isEqualTo("string");
        JsonNode make = Tool.JSON.valueToTree(find(tools, "video_status").tool().inputSchema());
        assertThat(make.at("/properties/timeoutSeconds/maximum").asInt()).isEqualTo(3600);
    }

    @Test
    void aBatchTakesAsManyThemesAsTheAppAllows() {
        var batch = find(tools(), "make_batch").tool();
        assertThat(batch.description()).contains("(1 to " + Themes.MAX + ")");
        JsonNode input = Tool.JSON.valueToTree(batch.inputSchema());
        assertThat(input.at("/properties/themes/maxItems").asInt()).isEqualTo(Themes.MAX);
    }

    private static SyncToolSpecification find(List<SyncToolSpecification> tools, String name) {
        return tools.stream()
                .filter(t -> t.tool().name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
