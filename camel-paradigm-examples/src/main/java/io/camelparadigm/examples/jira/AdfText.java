package io.camelparadigm.examples.jira;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plain text of an Atlassian Document Format node (Jira Cloud's rich text: {@code description}, comments): the
 * text nodes in order, a line break after each block, mentions, emojis and links by their text.
 */
final class AdfText {

    private static final Set<String> BLOCKS = Set.of("paragraph", "heading", "blockquote", "codeBlock", "listItem",
            "tableRow", "rule", "panel", "mediaSingle");

    private AdfText() {
    }

    static String of(JsonNode node) {
        StringBuilder text = new StringBuilder();
        append(node, text);
        return text.toString().strip();
    }

    private static void append(JsonNode node, StringBuilder text) {
        if (node == null || node.isNull()) {
            return;
        }
        String type = node.path("type").asText();
        switch (type) {
            case "text" -> text.append(node.path("text").asText());
            case "hardBreak" -> text.append('\n');
            case "mention" -> text.append(node.path("attrs").path("text").asText());
            case "emoji" -> text.append(node.path("attrs").path("shortName").asText());
            case "inlineCard" -> text.append(node.path("attrs").path("url").asText());
            case "tableCell", "tableHeader" -> text.append(' ');
            default -> { }
        }
        if (type.equals("listItem")) {
            text.append("- ");
        }
        for (JsonNode child : node.path("content")) {
            append(child, text);
        }
        if (BLOCKS.contains(type)) {
            text.append('\n');
        }
    }
}
