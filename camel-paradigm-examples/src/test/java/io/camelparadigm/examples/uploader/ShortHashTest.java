package io.camelparadigm.examples.uploader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShortHashTest {

    /** Default state files are named with it: another hash would make every rerun start again from nothing. */
    @Test
    void isTheStartOfTheSha256OfTheText() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2)
        assertThat(ShortHash.of("abc")).isEqualTo("ba7816bf8f01");
        assertThat(ShortHash.of("folder /a, Paradigm https://x, workspace 1"))
                .hasSize(12).isNotEqualTo(ShortHash.of("folder /b, Paradigm https://x, workspace 1"));
    }
}
