package io.camelparadigm.examples.uploader;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8LocaleTest {

    @Test
    void noLocaleOrTheCOrPosixLocaleBecomesCUtf8() {
        assertThat(coerced(Map.of())).containsEntry("LC_CTYPE", "C.UTF-8").doesNotContainKey("LC_ALL");
        assertThat(coerced(Map.of("LANG", "C"))).containsEntry("LC_CTYPE", "C.UTF-8").containsEntry("LANG", "C");
        assertThat(coerced(Map.of("LANG", "POSIX", "LC_CTYPE", ""))).containsEntry("LC_CTYPE", "C.UTF-8");
        assertThat(coerced(Map.of("LC_ALL", "C", "LANG", "fr_FR.UTF-8")))
                .containsEntry("LC_ALL", "C.UTF-8").containsEntry("LC_CTYPE", "C.UTF-8");
    }

    @Test
    void anyOtherLocaleIsLeftAsItIs() {
        Map<String, String> french = Map.of("LANG", "fr_FR.ISO-8859-1");
        assertThat(coerced(french)).isEqualTo(french);
        Map<String, String> utf8 = Map.of("LANG", "C", "LC_CTYPE", "en_US.UTF-8");
        assertThat(coerced(utf8)).isEqualTo(utf8);
        Map<String, String> all = Map.of("LC_ALL", "de_DE.UTF-8", "LANG", "C");
        assertThat(coerced(all)).isEqualTo(all);
    }

    private static Map<String, String> coerced(Map<String, String> environment) {
        Map<String, String> copy = new HashMap<>(environment);
        Utf8Locale.coerce(copy);
        return copy;
    }
}
