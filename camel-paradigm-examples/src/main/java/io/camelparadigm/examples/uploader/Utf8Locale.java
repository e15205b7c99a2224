package io.camelparadigm.examples.uploader;

import java.util.Map;

/**
 * The second JVM reads file names as UTF-8 when the uploader is started in the C or POSIX locale (cron, containers,
 * {@code ssh} without a locale), as Python does there (PEP 538, PEP 540) and so the vendor's script: a JVM in that
 * locale decodes names as ASCII, so {@code résumé.pdf} would reach Paradigm as {@code r??sum??.pdf}, and its
 * state-file entry would not match the one a run in a UTF-8 locale wrote (the file uploaded twice). A locale set to
 * anything else is left as it is; where {@code C.UTF-8} is not installed, the JVM falls back to the C locale as before.
 */
final class Utf8Locale {

    static final String C_UTF8 = "C.UTF-8";

    private Utf8Locale() {
    }

    /** Moves a C or POSIX character-type locale (or none) of the environment to {@code C.UTF-8}. */
    static void coerce(Map<String, String> environment) {
        String allCategories = nonEmpty(environment.get("LC_ALL"));
        String characterType = allCategories != null ? allCategories
                : firstNonEmpty(environment.get("LC_CTYPE"), environment.get("LANG"));
        if (characterType != null && !characterType.equals("C") && !characterType.equals("POSIX")) {
            return;
        }
        environment.put("LC_CTYPE", C_UTF8);
        if (allCategories != null) {
            environment.put("LC_ALL", C_UTF8); // it wins over LC_CTYPE; C.UTF-8 is the C locale in UTF-8
        }
    }

    private static String firstNonEmpty(String first, String second) {
        return nonEmpty(first) != null ? first : nonEmpty(second);
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
