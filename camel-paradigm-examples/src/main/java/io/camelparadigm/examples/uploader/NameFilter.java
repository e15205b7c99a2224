package io.camelparadigm.examples.uploader;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code --include-extensions} / {@code --exclude-extensions} rule of the vendor's batch script: each entry is
 * an extension ({@code pdf}, {@code .pdf}) or a whole file name ({@code .DS_Store}, {@code Thumbs.db}), compared
 * without regard to case. An empty include list includes everything.
 */
public final class NameFilter {

    private final Set<String> include;
    private final Set<String> exclude;

    public NameFilter(Collection<String> include, Collection<String> exclude) {
        this.include = normalise(include);
        this.exclude = normalise(exclude);
    }

    public static NameFilter acceptAll() {
        return new NameFilter(Set.of(), Set.of());
    }

    public boolean accepts(String fileName) {
        if (matches(exclude, fileName)) {
            return false;
        }
        return include.isEmpty() || matches(include, fileName);
    }

    private static boolean matches(Set<String> entries, String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return entries.contains(name) || entries.contains(extensionOf(name));
    }

    /** The text after the last dot, lower case; empty when there is none (or the name only starts with a dot). */
    public static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Set<String> normalise(Collection<String> entries) {
        return entries.stream()
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(entry -> entry.toLowerCase(Locale.ROOT))
                .flatMap(entry -> entry.startsWith(".") ? Stream.of(entry, entry.substring(1))
                                                        : Stream.of(entry))
                .collect(Collectors.toUnmodifiableSet());
    }
}
