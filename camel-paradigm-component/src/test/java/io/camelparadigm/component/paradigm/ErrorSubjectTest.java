package io.camelparadigm.component.paradigm;

import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An error says what it was about: the file, the operation the route asked for. */
class ErrorSubjectTest extends EmulatorRouteTestSupport {

    @Test
    void aFileThatDoesNotExistIsNamedInTheError() {
        ParadigmApiException get = failureOf(ParadigmApiException.class,
                () -> template.sendBodyAndHeader("paradigm:getFile", null, ParadigmConstants.FILE_ID, 987654L));
        assertThat(get.getHttpStatus()).isEqualTo(404);
        assertThat(get.getMessage()).startsWith("getFile: file 987654: HTTP 404");

        ParadigmApiException tag = failureOf(ParadigmApiException.class,
                () -> template.sendBodyAndHeader("paradigm:addTags?tags=" + EMULATOR.tagIds().get(0), null,
                        ParadigmConstants.FILE_ID, 987655L));
        assertThat(tag.getHttpStatus()).isEqualTo(404);
        assertThat(tag.getMessage()).startsWith("addTags: file 987655: HTTP 404");
    }

    @Test
    void aFailedSearchIsReportedAsTheSearch() {
        EMULATOR.faults().failNext(1, 500);

        ParadigmApiException failed = failureOf(ParadigmApiException.class,
                () -> template.sendBody("paradigm:search?workspaceId=" + workspaceId() + "&search=contract", null));

        assertThat(failed.getOperation()).isEqualTo("search");
        assertThat(failed.getMessage()).startsWith("search: HTTP 500");
    }
}
