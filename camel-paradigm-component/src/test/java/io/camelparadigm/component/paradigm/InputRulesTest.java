package io.camelparadigm.component.paradigm;

import java.util.List;

import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputRulesTest {

    @Test
    void tagIdsAreReadFromAListAnArrayOrText() {
        assertThat(InputRules.ids("upload", "tags", List.of(1L, 2, "3"))).containsExactly(1L, 2L, 3L);
        assertThat(InputRules.ids("upload", "tags", new long[] { 4, 5 })).containsExactly(4L, 5L);
        assertThat(InputRules.ids("upload", "tags", new Integer[] { 6 })).containsExactly(6L);
        assertThat(InputRules.ids("upload", "tags", "7, 8,,9 ")).containsExactly(7L, 8L, 9L);
    }

    @Test
    void tagIdsAcceptTheJsonArrayFormOfTheApi() {
        assertThat(InputRules.ids("upload", "tags", "[1,2]")).containsExactly(1L, 2L);
        assertThat(InputRules.ids("upload", "tags", "[\"3\", \"4\"]")).containsExactly(3L, 4L);
    }

    @Test
    void noTagsIsAnEmptyList() {
        assertThat(InputRules.ids("upload", "tags", null)).isEmpty();
        assertThat(InputRules.ids("upload", "tags", "")).isEmpty();
        assertThat(InputRules.ids("upload", "tags", List.of())).isEmpty();
    }

    @Test
    void aTagThatIsNotAPositiveWholeNumberIsRefusedByName() {
        assertThatThrownBy(() -> InputRules.ids("addTags", "tags", "1,urgent"))
                .isInstanceOf(ParadigmValidationException.class)
                .hasMessageContaining("addTags")
                .hasMessageContaining("'urgent'")
                .hasMessageContaining("positive whole numbers");
        assertThatThrownBy(() -> InputRules.ids("upload", "tags", "0"))
                .isInstanceOf(ParadigmValidationException.class).hasMessageContaining("'0'");
        assertThatThrownBy(() -> InputRules.ids("upload", "tags", List.of(-3L)))
                .isInstanceOf(ParadigmValidationException.class).hasMessageContaining("'-3'");
        assertThatThrownBy(() -> InputRules.ids("upload", "tags", "1.5"))
                .isInstanceOf(ParadigmValidationException.class).hasMessageContaining("'1.5'");
    }

    @Test
    void datesAreIsoDatesOrDateTimes() {
        for (String date : new String[] { "2025-01-31", "2025-01-31T12:00:00Z", "2025-01-31T12:00:00.5+01:00",
                "2025-01-31T12:00" }) {
            assertThat(InputRules.dateOrDateTime("listFiles", "createdAtAfter", date)).isEqualTo(date);
        }
        for (String notADate : new String[] { "yesterday", "2025-02-30", "31/01/2025", "2025-01-31 12:00" }) {
            assertThatThrownBy(() -> InputRules.dateOrDateTime("listFiles", "createdAtAfter", notADate))
                    .isInstanceOf(ParadigmValidationException.class)
                    .hasMessage("listFiles: createdAtAfter '" + notADate + "' is not a date: use an ISO-8601 date "
                                + "(2025-01-31) or date-time (2025-01-31T12:00:00Z)");
        }
    }

    @Test
    void idsAcceptIntegralNumbersAndTheirTextOnly() {
        assertThat(InputRules.id("upload", "workspaceId", 42)).isEqualTo(42L);
        assertThat(InputRules.id("upload", "workspaceId", " 42 ")).isEqualTo(42L);
        assertThatThrownBy(() -> InputRules.id("upload", "header CamelParadigmWorkspaceId", 4.2))
                .hasMessage("upload: header CamelParadigmWorkspaceId '4.2' is not an id: ids are positive whole numbers");
    }

    @Test
    void statusesAreThoseTheServiceReports() {
        assertThat(InputRules.statuses("listFiles", "status", "embedded, parsing_failed")).containsExactly("embedded",
                "parsing_failed");
        assertThatThrownBy(() -> InputRules.statuses("listFiles", "status", "embedded,failed"))
                .hasMessageStartingWith("listFiles: status 'failed' is not a status: use converting, embedded");
    }

    @Test
    void namesAreCountedInCharactersAsTheServiceCountsThem() {
        String emoji = "\uD83D\uDCC4";  // one character, two Java chars
        assertThat(InputRules.name("upload", "title", emoji.repeat(255))).hasSize(510);
        assertThatThrownBy(() -> InputRules.name("upload", "title", emoji.repeat(256)))
                .hasMessageStartingWith("upload: title has 256 characters, more than the 255 Paradigm accepts");
    }
}
