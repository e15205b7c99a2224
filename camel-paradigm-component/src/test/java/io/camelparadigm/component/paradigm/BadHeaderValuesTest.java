package io.camelparadigm.component.paradigm;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A header with a bad value fails the exchange before any request, with a ParadigmValidationException naming the
 * operation, the header and the value (not Camel's bare TypeConversionException, and not a request the server
 * refuses).
 */
class BadHeaderValuesTest extends EmulatorRouteTestSupport {

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', value = {
            "upload    | CamelParadigmWorkspaceId            | abc",
            "upload    | CamelParadigmWorkspaceId            | 0",
            "upload    | CamelParadigmWorkspaceId            | -4",
            "upload    | CamelParadigmTags                   | 1,urgent",
            "listFiles | CamelParadigmFilterWorkspaceId      | abc",
            "listFiles | CamelParadigmFilterWorkspaceId      | 1,abc",
            "getFile   | CamelParadigmFileId                 | abc",
            "getFile   | CamelParadigmFileId                 | 0",
            "addTags   | CamelParadigmFileId                 | 12x",
            "listFiles | CamelParadigmFilterTotalPagesMin    | abc",
            "listFiles | CamelParadigmFilterTotalPagesMax    | -1",
            "listFiles | CamelParadigmFilterCreatedAtAfter   | yesterday",
            "listFiles | CamelParadigmFilterUpdatedAtBefore  | 31/01/2025",
            "listFiles | CamelParadigmFilterUploadSessionUuid | session-1",
            "listFiles | CamelParadigmOrdering               | size",
            "listFiles | CamelParadigmFilterStatus           | embeded",
            "listFiles | CamelParadigmFilterStatusVision     | done",
            "listFiles | CamelParadigmFilterGroupId          | sales",
            "listFiles | CamelParadigmFilterTagId            | urgent",
            "upload    | CamelParadigmOperation              | uploadd",
    })
    void aBadHeaderFailsBeforeAnyRequestNamingTheHeaderAndTheValue(String operation, String header, String value) {
        ParadigmValidationException e = failureOf(ParadigmValidationException.class,
                () -> template.sendBodyAndHeaders("paradigm:" + operation + "?workspaceId=" + workspaceId()
                                                  + "&fileId=1&tags=1",
                        "content", Map.of(header, value, Exchange.FILE_NAME, "a.txt")));

        assertThat(e.getMessage()).contains("header " + header).contains("'" + value + "'");
        assertThat(EMULATOR.requests()).isEmpty();
    }

    @Test
    void aTitleOrFilenameLongerThanTheApiAcceptsIsRefusedBeforeUploading() {
        for (String header : new String[] { ParadigmConstants.TITLE, ParadigmConstants.FILENAME }) {
            ParadigmValidationException e = failureOf(ParadigmValidationException.class,
                    () -> template.sendBodyAndHeaders("paradigm:upload?workspaceId=" + workspaceId(), "content",
                            Map.of(header, "é".repeat(256), Exchange.FILE_NAME, "a.txt")));

            assertThat(e.getMessage()).startsWith("upload: header " + header + " has 256 characters").contains("255");
        }
        assertThat(EMULATOR.requests()).isEmpty();
    }

    @Test
    void moreTagsThanOneUploadFormCanCarryAreRefusedBeforeUploading() {
        List<Long> tags = LongStream.rangeClosed(1, 1000).boxed().toList();

        ParadigmValidationException e = failureOf(ParadigmValidationException.class,
                () -> template.sendBodyAndHeaders("paradigm:upload?workspaceId=" + workspaceId(), "content",
                        Map.of(ParadigmConstants.TAGS, tags, Exchange.FILE_NAME, "a.txt")));

        assertThat(e.getMessage()).contains("header CamelParadigmTags holds 1000 tags").contains("addTags");
        assertThat(EMULATOR.requests()).isEmpty();
    }

    @Test
    void numericHeadersMayBeNumbersOrTheirText() {
        template.sendBodyAndHeaders("paradigm:upload", "content", Map.of(ParadigmConstants.WORKSPACE_ID,
                String.valueOf(workspaceId()), Exchange.FILE_NAME, "a.txt"));
        long fileId = EMULATOR.storedFiles().get(0).id();

        Object file = template.requestBodyAndHeader("paradigm:getFile", null, ParadigmConstants.FILE_ID, (int) fileId);

        assertThat(file).isNotNull();
    }
}
