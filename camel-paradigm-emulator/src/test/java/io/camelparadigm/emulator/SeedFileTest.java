package io.camelparadigm.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedFileTest {

    /** The service's upload sessions are uuids: a seeded file with another session id would be a file it never sends. */
    @Test
    void anUploadSessionMustBeAUuid() {
        assertThatThrownBy(() -> SeedFile.builder(1, "a.pdf").uploadSessionUuid("session-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session-1");
        assertThat(SeedFile.builder(1, "a.pdf").uploadSessionUuid("550e8400-e29b-41d4-a716-446655440000").build()
                .uploadSessionUuid()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
    }
}
