package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.camelparadigm.component.paradigm.client.ParadigmJson;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change rule alone. The emulator moves status_vision only together with status, so a change of status_vision
 * alone (vision finishing after the text was embedded, as on the service) is proved here.
 */
class FileChangeRuleTest {

    private static final FileMark EMBEDDED_VISION_PROCESSING =
            new FileMark("embedded", "processing", Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void visionOnlyChangeIsIgnoredByDefault() {
        FileChangeRule rule = new FileChangeRule(null, false, false);

        assertThat(rule.isChange(EMBEDDED_VISION_PROCESSING, file("embedded", "embedded"))).isFalse();
    }

    @Test
    void visionOnlyChangeCountsWhenAskedFor() {
        FileChangeRule rule = new FileChangeRule(null, false, true);

        assertThat(rule.isChange(EMBEDDED_VISION_PROCESSING, file("embedded", "embedded"))).isTrue();
        assertThat(rule.isChange(EMBEDDED_VISION_PROCESSING, file("embedded", "processing"))).isFalse();
    }

    @Test
    void statusChangeAndFirstSightAreChangesWhateverTheVisionOption() {
        FileChangeRule rule = new FileChangeRule(null, false, false);

        assertThat(rule.isChange(EMBEDDED_VISION_PROCESSING, file("updating", "processing"))).isTrue();
        assertThat(rule.isChange(null, file("pending", null))).isTrue();
    }

    @Test
    void statusesAndTerminalOnlyChooseWhatIsEmitted() {
        FileChangeRule statuses = new FileChangeRule(" embedded, fail ,", false, false);
        FileChangeRule terminalOnly = new FileChangeRule(null, true, false);
        FileChangeRule everything = new FileChangeRule(null, false, false);

        assertThat(statuses.isEmitted(file("fail", null))).isTrue();
        assertThat(statuses.isEmitted(file("parsing_failed", null))).isFalse();
        assertThat(terminalOnly.isEmitted(file("parsing_failed", null))).isTrue();
        assertThat(terminalOnly.isEmitted(file("embedding", null))).isFalse();
        assertThat(everything.isEmitted(file("a_status_added_later", null))).isTrue();
    }

    /** Read as the client reads the service's JSON, so the test does not depend on the record's shape. */
    private static ParadigmFile file(String status, String statusVision) {
        Map<String, Object> json = new HashMap<>();
        json.put("id", 7);
        json.put("filename", "scan.pdf");
        json.put("status", status);
        json.put("status_vision", statusVision);
        return ParadigmJson.mapper().convertValue(json, ParadigmFile.class);
    }
}
