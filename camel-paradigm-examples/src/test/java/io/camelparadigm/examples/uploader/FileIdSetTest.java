package io.camelparadigm.examples.uploader;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileIdSetTest {

    @Test
    void behavesLikeASetUnderRandomAddsAndRemoves() {
        FileIdSet ids = new FileIdSet();
        Set<Long> expected = new HashSet<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long id = 10_000 + random.nextInt(5_000);
            if (random.nextBoolean()) {
                assertThat(ids.add(id)).isEqualTo(expected.add(id));
            } else {
                assertThat(ids.remove(id)).isEqualTo(expected.remove(id));
            }
        }
        assertThat(ids.size()).isEqualTo(expected.size());
        for (long id = 10_000; id < 15_000; id++) {
            assertThat(ids.contains(id)).isEqualTo(expected.contains(id));
        }
        assertThat(ids.some(Integer.MAX_VALUE)).hasSize(expected.size()).containsOnly(
                expected.stream().mapToLong(Long::longValue).toArray());
    }

    @Test
    void emptiesAndShrinks() {
        FileIdSet ids = new FileIdSet();
        for (long id = 1; id <= 10_000; id++) {
            ids.add(id);
        }
        for (long id = 1; id <= 10_000; id++) {
            assertThat(ids.remove(id)).isTrue();
        }
        assertThat(ids.size()).isZero();
        assertThat(ids.some(5)).isEmpty();
        assertThat(ids.remove(3)).isFalse();
    }

    @Test
    void idsArePositive() {
        assertThatThrownBy(() -> new FileIdSet().add(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FileIdSet().contains(-1)).isFalse();
    }
}
