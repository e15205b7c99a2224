package io.camelparadigm.component.paradigm.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.camelparadigm.component.paradigm.model.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagedIteratorTest {

    private final List<String> fetched = new ArrayList<>();

    /** Pages linked by name: "first" -> "p2" -> "p3" ...; records every fetch. */
    private PagedIterator<Integer> iterator(Map<String, Page<Integer>> pages, long maxResults) {
        return new PagedIterator<>(() -> fetch(pages, "first"), link -> fetch(pages, link), maxResults);
    }

    private Page<Integer> fetch(Map<String, Page<Integer>> pages, String name) {
        fetched.add(name);
        return pages.get(name);
    }

    private static Map<String, Page<Integer>> threePages() {
        return Map.of(
                "first", new Page<>(5, "p2", null, List.of(1, 2)),
                "p2", new Page<>(5, "p3", "first", List.of(3, 4)),
                "p3", new Page<>(5, null, "p2", List.of(5)));
    }

    private static List<Integer> drain(PagedIterator<Integer> iterator) {
        List<Integer> items = new ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }

    @Test
    void nothingIsFetchedUntilTheIteratorIsUsed() {
        iterator(threePages(), 0);

        assertThat(fetched).isEmpty();
    }

    @Test
    void nextPageIsFetchedOnlyWhenTheCurrentOneIsUsedUp() {
        PagedIterator<Integer> files = iterator(threePages(), 0);

        assertThat(files.next()).isEqualTo(1);
        assertThat(files.next()).isEqualTo(2);
        assertThat(fetched).containsExactly("first");
        assertThat(files.next()).isEqualTo(3);
        assertThat(fetched).containsExactly("first", "p2");
        assertThat(drain(files)).containsExactly(4, 5);
        assertThat(fetched).containsExactly("first", "p2", "p3");
    }

    @Test
    void totalCountComesFromTheFirstPageWithoutConsumingIt() {
        PagedIterator<Integer> files = iterator(threePages(), 0);

        assertThat(files.totalCount()).isEqualTo(5);
        assertThat(drain(files)).containsExactly(1, 2, 3, 4, 5);
        assertThat(fetched).containsExactly("first", "p2", "p3");
    }

    @Test
    void maxResultsStopsBeforeFetchingPagesItDoesNotNeed() {
        PagedIterator<Integer> files = iterator(threePages(), 2);

        assertThat(drain(files)).containsExactly(1, 2);
        assertThat(fetched).containsExactly("first");
        assertThatThrownBy(files::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void emptyPagesInTheMiddleAreWalkedThrough() {
        Map<String, Page<Integer>> pages = Map.of(
                "first", new Page<>(2, "p2", null, List.of(1)),
                "p2", new Page<>(2, "p3", "first", List.of()),
                "p3", new Page<>(2, null, "p2", List.of(2)));

        assertThat(drain(iterator(pages, 0))).containsExactly(1, 2);
    }

    @Test
    void emptyListingHasNoElements() {
        PagedIterator<Integer> files = iterator(Map.of("first", new Page<>(0, null, null, null)), 0);

        assertThat(files.hasNext()).isFalse();
        assertThat(files.totalCount()).isZero();
        assertThatThrownBy(files::next).isInstanceOf(NoSuchElementException.class);
    }
}
