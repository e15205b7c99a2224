package io.camelparadigm.examples.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizeTest {

    @Test
    void readsBytesAndBinaryUnitsInAnyCase() {
        assertThat(ByteSize.parse("512")).isEqualTo(512);
        assertThat(ByteSize.parse("100KB")).isEqualTo(100 * 1024);
        assertThat(ByteSize.parse("25m")).isEqualTo(25L * 1024 * 1024);
        assertThat(ByteSize.parse("1 GB")).isEqualTo(1L << 30);
    }

    @Test
    void rejectsWhatIsNotASizeNamingIt() {
        assertThatThrownBy(() -> ByteSize.parse("ten KB")).hasMessageContaining("'ten KB'");
        assertThatThrownBy(() -> ByteSize.parse("1TB")).hasMessageContaining("not a size");
    }
}
