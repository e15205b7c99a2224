package io.camelparadigm.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** Processing failures scripted by filename pattern; the first matching script wins. */
final class FailureScripts {

    private record Script(Pattern filename, String failedStatus, String statusDetail) {
    }

    private final List<Script> scripts = new CopyOnWriteArrayList<>();

    void add(String filenameRegex, String failedStatus, String statusDetail) {
        ProcessingPlan.failing(failedStatus, statusDetail); // validates the status
        scripts.add(new Script(Pattern.compile(filenameRegex), failedStatus, statusDetail));
    }

    /** The plan of a new document named {@code filename}. */
    ProcessingPlan planFor(String filename) {
        for (Script script : scripts) {
            if (script.filename().matcher(filename).find()) {
                return ProcessingPlan.failing(script.failedStatus(), script.statusDetail());
            }
        }
        return ProcessingPlan.normal();
    }

    void clear() {
        scripts.clear();
    }
}
