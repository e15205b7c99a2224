package io.camelparadigm.examples;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up of an upload run (UploaderWarmUp) starts only when the command line may upload. */
class ParadigmUploaderAppTest {

    private final AtomicInteger warmUps = new AtomicInteger();

    @ParameterizedTest
    @ValueSource(strings = { "--help", "-h", "--version", "-V" })
    void helpAndVersionPrintWithoutWarmingUp(String option) {
        int status = ParadigmUploaderApp.runHere(new String[] {"--files-dir=docs", option}, warmUps::incrementAndGet);

        assertThat(status).isZero();
        assertThat(warmUps).as("warm-ups started").hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "--files-dir=docs --batchsize=3", "--files-dir" })
    void anyOtherCommandLineWarmsUpOnceBeforeItIsParsed(String commandLine) {
        // bad command lines, so that nothing is uploaded here: whether one uploads is known only once it is parsed
        int status = ParadigmUploaderApp.runHere(commandLine.split(" "), warmUps::incrementAndGet);

        assertThat(status).as("usage error").isEqualTo(2);
        assertThat(warmUps).as("warm-ups started").hasValue(1);
    }
}
