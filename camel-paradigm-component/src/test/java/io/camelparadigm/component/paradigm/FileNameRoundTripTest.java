package io.camelparadigm.component.paradigm;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.RecordedRequest;
import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.file.FileConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File names from a real file share reach Paradigm as they are, whatever the body carries them: the emulator
 * reads the multipart body as the real service's Django stack does (a percent-encoded {@code filename} is stored
 * percent-encoded, {@code filename*} wins, the request charset decodes the text).
 */
class FileNameRoundTripTest extends EmulatorRouteTestSupport {

    /** A name, the name Paradigm stores and the title it derives (the name without its extension). */
    private record Name(String sent, String stored, String title) {
        static Name of(String name, String title) {
            return new Name(name, name, title);
        }
    }

    private static final List<Name> NAMES = List.of(
            Name.of("file with spaces.txt", "file with spaces"),
            Name.of("résumé été.pdf", "résumé été"),
            Name.of(Normalizer.normalize("décomposé à la main.pdf", Normalizer.Form.NFD),
                    Normalizer.normalize("décomposé à la main", Normalizer.Form.NFD)),
            Name.of("Compte-rendu réunion 12 février — version finale.docx",
                    "Compte-rendu réunion 12 février — version finale"),
            Name.of("l'été dernier.txt", "l'été dernier"),
            Name.of("日本語の資料.docx", "日本語の資料"),
            Name.of("中文文件名.xlsx", "中文文件名"),
            Name.of("한국어 문서.pptx", "한국어 문서"),
            Name.of("emoji 😀🎉 report.md", "emoji 😀🎉 report"),
            Name.of("say \"hi\".txt", "say \"hi\""),
            Name.of("a;b;c.csv", "a;b;c"),
            Name.of("100% done.txt", "100% done"),
            Name.of("%20 is not a space.txt", "%20 is not a space"),
            Name.of("C++ guide+notes.pdf", "C++ guide+notes"),
            Name.of(".hidden", ".hidden"),
            Name.of(".env.local", ".env"),
            Name.of("..double dot.txt", "..double dot"),
            Name.of("archive.tar.gz", "archive.tar"),
            Name.of("no extension", "no extension"),
            Name.of("Ελληνικά.txt", "Ελληνικά"),
            Name.of("Русский документ.doc", "Русский документ"),
            Name.of("עברית.txt", "עברית"),
            Name.of("ümlaut Straße.txt", "ümlaut Straße"),
            Name.of("comma, and = equals.txt", "comma, and = equals"),
            Name.of("brackets [1] (2) {3}.txt", "brackets [1] (2) {3}"),
            Name.of("UTF-8''not-encoded.txt", "UTF-8''not-encoded"),
            Name.of("ligature ﬁle ﬂow.txt", "ligature ﬁle ﬂow"),
            Name.of("x".repeat(250) + ".txt", "x".repeat(250)),
            // the service HTML-unescapes a part's name, keeps what follows the last / or \\, drops what Python
            // does not call printable: the component escapes '&' and sends such names in the filename field
            Name.of("R&D &amp; co &copy 2024.txt", "R&D &amp; co &copy 2024"),
            Name.of("Rapport\u00A0: bilan 2024.pdf", "Rapport\u00A0: bilan 2024"),
            Name.of("famille 👨\u200D👩\u200D👧.txt", "famille 👨\u200D👩\u200D👧"),
            Name.of("back\\slash.txt", "back\\slash"),
            Name.of("tab\there.txt", "tab\there"));

    /** Longer than a file system allows (255 bytes), so only bodies that are not files carry it. */
    private static final Name TOO_LONG_FOR_A_FILE = new Name("長".repeat(300) + ".pdf", "長".repeat(251) + ".pdf",
            "長".repeat(251));

    private static final byte[] CONTENT = "content".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void namesFromAFileShareReachParadigmAsTheyAreWhateverTheBody() throws Exception {
        assertThat(NAMES).hasSizeGreaterThanOrEqualTo(25);
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (Name name : NAMES) {
            Path file = Files.createDirectories(dir.resolve("share-" + index++)).resolve(name.sent());
            Files.write(file, CONTENT);
            check(problems, "File", name, e -> e.getMessage().setBody(file.toFile()));
            check(problems, "Path", name, e -> e.getMessage().setBody(file));
            check(problems, "GenericFile", name,
                    e -> e.getMessage().setBody(FileConsumer.asGenericFile(dir.toString(), file.toFile(), null, false)));
        }
        for (Name name : withTooLong(NAMES)) {
            check(problems, "InputStream + CamelFileName", name, e -> {
                e.getMessage().setBody(new ByteArrayInputStream(CONTENT));
                e.getMessage().setHeader(Exchange.FILE_NAME, name.sent());
            });
            check(problems, "byte[] + CamelFileName", name, e -> {
                e.getMessage().setBody(CONTENT);
                e.getMessage().setHeader(Exchange.FILE_NAME, name.sent());
            });
            check(problems, "String + CamelFileName", name, e -> {
                e.getMessage().setBody("content");
                e.getMessage().setHeader(Exchange.FILE_NAME, name.sent());
            });
        }
        for (Name name : NAMES) {
            // the filename field: a text field, at most 255 characters
            check(problems, "String + CamelParadigmFilename", name, e -> {
                e.getMessage().setBody("content");
                e.getMessage().setHeader(ParadigmConstants.FILENAME, name.sent());
            });
        }
        assertThat(problems).isEmpty();
        assertThat(EMULATOR.storedFiles(workspaceId())).hasSize(NAMES.size() * 4 + (NAMES.size() + 1) * 3);
    }

    @Test
    void theFormSaysNoWrongCharsetAndNoFilenameStar() {
        template.sendBodyAndHeader("paradigm:upload?workspaceId=" + workspaceId() + "&title=Été", CONTENT,
                Exchange.FILE_NAME, "résumé.txt");

        RecordedRequest upload = requests("POST", "/api/v3/files").get(0);
        assertThat(upload.header("Content-Type")).startsWith("multipart/form-data; boundary=")
                .doesNotContainIgnoringCase("charset");
        StoredFile stored = EMULATOR.storedFiles(workspaceId()).get(0);
        assertThat(stored.filename()).isEqualTo("résumé.txt");
        assertThat(stored.title()).isEqualTo("Été");
    }

    @Test
    void aCamelFileNameWithDirectoriesNamesTheDocumentAfterItsLastSegment() {
        template.sendBodyAndHeader("paradigm:upload?workspaceId=" + workspaceId(), CONTENT,
                Exchange.FILE_NAME, "reports/2024/q1 & q2.pdf");

        StoredFile stored = EMULATOR.storedFiles(workspaceId()).get(0);
        assertThat(stored.filename()).isEqualTo("q1 & q2.pdf");
        assertThat(stored.title()).isEqualTo("q1 & q2");
    }

    private static List<Name> withTooLong(List<Name> names) {
        List<Name> all = new ArrayList<>(names);
        all.add(TOO_LONG_FOR_A_FILE);
        return all;
    }

    private void check(List<String> problems, String body, Name name, Processor setBody) {
        Exchange answer = template.request("paradigm:upload?workspaceId=" + workspaceId(), setBody);
        if (answer.getException() != null) {
            problems.add(body + " '" + name.sent() + "': " + answer.getException());
            return;
        }
        ParadigmFile created = answer.getMessage().getBody(ParadigmFile.class);
        StoredFile stored = EMULATOR.storedFiles(workspaceId()).stream()
                .filter(f -> f.id() == created.id()).findFirst().orElseThrow();
        compare(problems, body, name, "stored name", name.stored(), stored.filename());
        compare(problems, body, name, "title", name.title(), stored.title());
        compare(problems, body, name, "answered name", name.stored(), created.filename());
    }

    private static void compare(List<String> problems, String body, Name name, String what, String expected,
                                String actual) {
        if (!expected.equals(actual)) {
            problems.add(body + " '" + name.sent() + "': " + what + " '" + actual + "', expected '" + expected + "'");
        }
    }
}
