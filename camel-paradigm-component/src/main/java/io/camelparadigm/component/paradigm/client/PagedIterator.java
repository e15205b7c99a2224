package io.camelparadigm.component.paradigm.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.camelparadigm.component.paradigm.model.Page;

/**
 * Walks a paginated listing, fetching the next page only when the current one is used up, so a listing of any
 * size is walked in the memory of one page.
 */
public final class PagedIterator<T> implements Iterator<T> {

    private final Function<String, Page<T>> nextPage;
    private final long maxResults;
    private Supplier<Page<T>> firstPage;
    private Page<T> page;
    private Iterator<T> items;
    private long delivered;

    PagedIterator(Supplier<Page<T>> firstPage, Function<String, Page<T>> nextPage, long maxResults) {
        this.firstPage = firstPage;
        this.nextPage = nextPage;
        this.maxResults = maxResults;
    }

    /** The total the service reported ({@code count}); fetches the first page if not done yet. */
    public long totalCount() {
        ensureStarted();
        return page.count();
    }

    @Override
    public boolean hasNext() {
        if (maxResults > 0 && delivered >= maxResults) {
            return false;
        }
        ensureStarted();
        while (!items.hasNext() && page.next() != null) {
            page = nextPage.apply(page.next());
            items = page.results().iterator();
        }
        return items.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        delivered++;
        return items.next();
    }

    private void ensureStarted() {
        if (page == null) {
            page = firstPage.get();
            items = page.results().iterator();
            firstPage = null;
        }
    }
}
