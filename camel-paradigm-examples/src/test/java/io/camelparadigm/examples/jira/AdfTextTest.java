package io.camelparadigm.examples.jira;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdfTextTest {

    @Test
    void atlassianDocumentFormatBecomesItsTextBlockByBlock() throws Exception {
        String adf = """
                {"type": "doc", "version": 1, "content": [
                  {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Steps"}]},
                  {"type": "paragraph", "content": [
                    {"type": "text", "text": "Ask "}, {"type": "mention", "attrs": {"id": "5b10", "text": "@Mia Krystof"}},
                    {"type": "text", "text": " "}, {"type": "emoji", "attrs": {"shortName": ":smile:"}},
                    {"type": "hardBreak"}, {"type": "text", "text": "see", "marks": [{"type": "strong"}]},
                    {"type": "text", "text": " "}, {"type": "inlineCard", "attrs": {"url": "https://acme.atlassian.net/browse/SUP-9"}}]},
                  {"type": "bulletList", "content": [
                    {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "one"}]}]},
                    {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "two"}]}]}]}]}""";

        assertThat(AdfText.of(new ObjectMapper().readTree(adf)))
                .contains("Steps\n")
                .contains("Ask @Mia Krystof :smile:\nsee https://acme.atlassian.net/browse/SUP-9\n")
                .contains("- one").contains("- two");
        assertThat(AdfText.of(null)).isEmpty();
    }
}
