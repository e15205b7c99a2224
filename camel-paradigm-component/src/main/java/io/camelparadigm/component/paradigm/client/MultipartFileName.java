package io.camelparadigm.component.paradigm.client;

/**
 * A file name in a multipart file part, as the service's Django stack will read it back
 * ({@code MultiPartParser.sanitize_file_name}): it HTML-unescapes the name, keeps only what follows the last
 * {@code /} or {@code \}, and removes the characters Python does not call printable (no-break and other
 * non-ASCII spaces, zero-width joiners, controls).
 */
final class MultipartFileName {

    private static final int MAX_FIELD_LENGTH = 255;

    private MultipartFileName() {
    }

    /** The name to write in the part: every {@code &} as {@code &amp;}, which {@code html.unescape} turns back. */
    static String escaped(String name) {
        return name.replace("&", "&amp;");
    }

    /**
     * The value for the {@code filename} field when the part cannot carry this name intact, else null. Not for a
     * name the field would change too: one over the field's 255 characters (the service cuts the part's name,
     * keeping the extension) or with surrounding whitespace (the field is trimmed, the part is not).
     */
    static String fieldFor(String name) {
        if (name == null || survivesThePart(name) || !name.equals(name.strip())
            || name.codePointCount(0, name.length()) > MAX_FIELD_LENGTH) {
            return null;
        }
        return name;
    }

    /**
     * Whether the part alone carries this name intact; when it does not, the upload also sends it in the
     * {@code filename} field, which the service stores as given.
     */
    static boolean survivesThePart(String name) {
        return name.indexOf('/') < 0 && name.indexOf('\\') < 0
               && name.codePoints().allMatch(MultipartFileName::isPrintableInPython);
    }

    /** Python's {@code str.isprintable}: not a control, format, separator other than space, or unassigned. */
    private static boolean isPrintableInPython(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
