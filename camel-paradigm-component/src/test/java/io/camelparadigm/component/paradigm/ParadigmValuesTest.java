package io.camelparadigm.component.paradigm;

import java.util.List;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParadigmValuesTest {

    @Test
    void itemsAreReadFromAListAnArrayOrText() {
        assertThat(ParadigmValues.items(List.of(1L, 2, "3"))).containsExactly(1L, 2, "3");
        assertThat(ParadigmValues.items(new long[] { 4, 5 })).containsExactly(4L, 5L);
        assertThat(ParadigmValues.items("7, 8,,9 ")).containsExactly("7", "8", "9");
        assertThat(ParadigmValues.items("[\"3\", \"4\"]")).containsExactly("3", "4");
        assertThat(ParadigmValues.items(null)).isEmpty();
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

        message.setHeader("CamelParadigmTitle", "  ");
        assertThat(ParadigmValues.textOr(message, "CamelParadigmTitle", "from option")).isEqualTo("from option");

        message.setHeader("CamelParadigmTitle", "from header");
        assertThat(ParadigmValues.textOr(message, "CamelParadigmTitle", "from option")).isEqualTo("from header");
    }
}
