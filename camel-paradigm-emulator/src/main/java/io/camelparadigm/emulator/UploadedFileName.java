package io.camelparadigm.emulator;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.util.QuotedStringTokenizer;
import org.jsoup.parser.Parser;

/**
 * The name the real service gives an uploaded file, read the way its Django stack reads it (not the way Jetty
 * does): the part's {@code Content-Disposition} parameters as {@code django.utils.http.parse_header_parameters}
 * reads them ({@code filename*} decoded as RFC 2231 and, like any parameter, the last one written wins;
 * {@code filename} taken as written, percent signs included), the text decoded with the request's charset,
 * {@code MultiPartParser.sanitize_file_name} (HTML character references decoded as {@code html.unescape} does,
 * path cut off, non-printable characters removed, "." and ".." refused) and {@code UploadedFile}'s cut to 255
 * characters that keeps the extension.
 */
final class UploadedFileName {

    static final int MAX_LENGTH = 255;

    /** Splits parameters on ';' outside quotes and keeps each one as written, quotes included. */
    private static final QuotedStringTokenizer PARAMETERS = QuotedStringTokenizer.builder()
            .delimiters(";")
            .returnQuotes()
            .allowEmbeddedQuotes()
            .ignoreOptionalWhiteSpace()
            .build();

    private UploadedFileName() {
    }

    /** The charset Django decodes form fields and file names with: the request's {@code charset}, else UTF-8. */
    static Charset requestCharset(String contentType) {
        Map<String, String> parameters = new HashMap<>();
        HttpField.getValueParameters(contentType, parameters);
        String charset = parameters.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("charset"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (charset == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(PARAMETERS.unquote(charset.trim()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return StandardCharsets.UTF_8;   // Django ignores a charset Python does not know
        }
    }

    /**
     * The {@code filename} parameter of the part as Django has it after decoding, or null when the part has none
     * (or an empty one): Django then treats the part as a text field.
     */
    static String submitted(MultiPart.Part part, Charset requestCharset) throws ApiException {
        String disposition = part.getHeaders().get(HttpHeader.CONTENT_DISPOSITION);
        if (disposition == null) {
            return null;
        }
        String filename = parameters(disposition).get("filename");
        if (filename == null || filename.isEmpty()) {
            return null;
        }
        // the header was read as UTF-8; Django re-encodes it and decodes the bytes with the request's charset
        return new String(filename.getBytes(StandardCharsets.UTF_8), requestCharset);
    }

    /** What Django stores for a submitted name, or null when it drops the file ("No file was submitted"). */
    static String stored(String submitted) {
        String unescaped = Parser.unescapeEntities(submitted, false);
        String name = unescaped.substring(Math.max(unescaped.lastIndexOf('/'), unescaped.lastIndexOf('\\')) + 1);
        StringBuilder printable = new StringBuilder(name.length());
        name.codePoints().filter(UploadedFileName::isPrintable).forEach(printable::appendCodePoint);
        name = printable.toString();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        return cutKeepingExtension(name);
    }

    /** Python's {@code os.path.splitext}: leading dots belong to the name, the extension keeps its dot. */
    static String[] splitExtension(String name) {
        int dot = name.lastIndexOf('.');
        int firstNonDot = 0;
        while (firstNonDot < name.length() && name.charAt(firstNonDot) == '.') {
            firstNonDot++;
        }
        if (dot < firstNonDot) {
            return new String[] {name, ""};
        }
        return new String[] {name.substring(0, dot), name.substring(dot)};
    }

    /** Length as Python counts it: in code points. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String cutKeepingExtension(String name) {
        if (length(name) <= MAX_LENGTH) {
            return name;
        }
        String[] split = splitExtension(name);
        String extension = prefix(split[1], MAX_LENGTH);
        return prefix(split[0], MAX_LENGTH - length(extension)) + extension;
    }

    private static String prefix(String text, int codePoints) {
        return length(text) <= codePoints ? text : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    /** Python's {@code str.isprintable}: not a control, format, separator other than space, or unassigned. */
    private static boolean isPrintable(int codePoint) {
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

    /**
     * {@code parse_header_parameters}: names lower-cased; a quoted value unquoted ({@code \\} and {@code \"});
     * {@code name*} with exactly two apostrophes is {@code charset'language'percent-encoded}; later wins.
     */
    static Map<String, String> parameters(String headerValue) throws ApiException {
        Map<String, String> parameters = new HashMap<>();
        Iterator<String> tokens = PARAMETERS.tokenize(headerValue);
        if (tokens.hasNext()) {
            tokens.next();  // the disposition type
        }
        while (tokens.hasNext()) {
            String token = tokens.next();
            int equals = token.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = token.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            boolean encoded = false;
            if (name.endsWith("*")) {
                name = name.substring(0, name.length() - 1);
                encoded = token.chars().filter(c -> c == '\'').count() == 2;
            }
            String value = token.substring(equals + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).replace("\\\\", "\\").replace("\\\"", "\"");
            }
            if (encoded) {
                value = decodeRfc2231(value);
            }
            parameters.put(name, value);
        }
        return parameters;
    }

    private static String decodeRfc2231(String value) throws ApiException {
        String[] parts = value.split("'", -1);
        try {
            // '+' is not a space here (Python's unquote), unlike in URLDecoder's form encoding
            return URLDecoder.decode(parts[2].replace("+", "%2B"), Charset.forName(parts[0]));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("malformed_multipart",
                    "Multipart form parse error: cannot decode the parameter value '" + value + "'.");
        }
    }
}
