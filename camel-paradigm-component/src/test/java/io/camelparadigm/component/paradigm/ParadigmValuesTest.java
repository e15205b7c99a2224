package io.camelparadigm.component.paradigm;

import java.util.List;

import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParadigmValuesTest {

    @Test
    void tagIdsAreReadFromAListAnArrayOrText() {
        assertThat(ParadigmValues.tagIds("upload", List.of(1L, 2, "3"))).containsExactly(1L, 2L, 3L);
        assertThat(ParadigmValues.tagIds("upload", new long[] { 4, 5 })).containsExactly(4L, 5L);
        assertThat(ParadigmValues.tagIds("upload", new Integer[] { 6 })).containsExactly(6L);
        assertThat(ParadigmValues.tagIds("upload", "7, 8,,9 ")).containsExactly(7L, 8L, 9L);
    }

    @Test
    void tagIdsAcceptTheJsonArrayFormOfTheApi() {
        assertThat(ParadigmValues.tagIds("upload", "[1,2]")).containsExactly(1L, 2L);
        assertThat(ParadigmValues.tagIds("upload", "[\"3\", \"4\"]")).containsExactly(3L, 4L);
    }

    @Test
    void noTagsIsAnEmptyList() {
        assertThat(ParadigmValues.tagIds("upload", null)).isEmpty();
        assertThat(ParadigmValues.tagIds("upload", "")).isEmpty();
        assertThat(ParadigmValues.tagIds("upload", List.of())).isEmpty();
    }

    @Test
    void aTagThatIsNotAPositiveWholeNumberIsRefusedByName() {
        assertThatThrownBy(() -> ParadigmValues.tagIds("addTags", "1,urgent"))
                .isInstanceOf(ParadigmValidationException.class)
                .hasMessageContaining("addTags")
                .hasMessageContaining("'urgent'")
                .hasMessageContaining("positive whole numbers");
        assertThatThrownBy(() -> ParadigmValues.tagIds("upload", "0"))
                .isInstanceOf(ParadigmValidationException.class).hasMessageContaining("'0'");
        assertThatThrownBy(() -> ParadigmValues.tagIds("upload", List.of(-3L)))
                .isInstanceOf(ParadigmValidationException.class).hasMessageContaining("'-3'");
        assertThatThrownBy(() -> ParadigmValues.tagIds("upload", "1.5"))
                .isInstanceOf(ParadigmValidationException.class).hasMessageContaining("'1.5'");
    }

    @Test
    void textsAreTrimmedAndBlanksDropped() {
        assertThat(ParadigmValues.texts(" embedded , ,fail")).containsExactly("embedded", "fail");
        assertThat(ParadigmValues.texts(List.of("parsed", " "))).containsExactly("parsed");
        assertThat(ParadigmValues.texts(new String[] { "pending" })).containsExactly("pending");
        assertThat(ParadigmValues.texts(null)).isEmpty();
    }

    @Test
    void aHeaderOverridesTheOptionOnlyWhenPresentAndNotBlank() {
        Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();

        assertThat(ParadigmValues.textOr(message, "CamelParadigmTitle", "from option")).isEqualTo("from option");
        assertThat(ParadigmValues.headerOr(message, "CamelParadigmTags", "1,2")).isEqualTo("1,2");

        message.setHeader("CamelParadigmTitle", "  ");
        assertThat(ParadigmValues.textOr(message, "CamelParadigmTitle", "from option")).isEqualTo("from option");

        message.setHeader("CamelParadigmTitle", "from header");
        message.setHeader("CamelParadigmTags", List.of(3L));
        assertThat(ParadigmValues.textOr(message, "CamelParadigmTitle", "from option")).isEqualTo("from header");
        assertThat(ParadigmValues.headerOr(message, "CamelParadigmTags", "1,2")).isEqualTo(List.of(3L));
    }
}
