package io.camelparadigm.emulator;

import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the emulator standalone until killed. */
@Command(name = "paradigm-emulator", mixinStandardHelpOptions = true,
        description = "Runs an emulator of the LightOn Paradigm v3 API on 127.0.0.1.")
public final class ParadigmEmulatorMain implements Callable<Integer> {

    @Option(names = "--port", description = "TCP port on 127.0.0.1 (0 = random). Default: ${DEFAULT-VALUE}")
    int port = 8080;

    @Option(names = "--step", description = "Time spent in each processing step, e.g. 3s, 500ms. Default: ${DEFAULT-VALUE}")
    String step = "3s";

    public static void main(String[] args) {
        int exit = new CommandLine(new ParadigmEmulatorMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() {
        ParadigmEmulator emulator = ParadigmEmulator.builder().realClock().port(port).stepDuration(Duration.ofSeconds(3)).build().start();
        System.out.println("Paradigm emulator listening on " + emulator.baseUrl());
        return 0;
    }
}
