package io.camelparadigm.emulator.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.camelparadigm.emulator.ObservedExchange;
import org.eclipse.jetty.http.MimeTypes;

/**
 * Checks every exchange of an emulator against the contract as it happens, so a test whose code sends what the
 * real service would refuse, or reads what the emulator should not have answered, fails. Register it with
 * {@link io.camelparadigm.emulator.ParadigmEmulator#addExchangeObserver}; the JUnit extension does it for every test.
 *
 * <p>Requests are judged with their body (JSON and query by Atlassian's swagger-request-validator, forms by
 * openapi4j), except bodies the emulator did not read to the end (a 413) or larger than
 * {@link ObservedExchange#MAX_RECORDED_BODY}; answers are judged unless fault injection made them. Judging happens on
 * a thread of its own, so the emulator answers as fast as without it; {@link #takeViolations()} waits for it.
 *
 * <p>The validators are optional dependencies of the emulator: {@link #isAvailable()} says whether they are on the
 * classpath ({@code com.atlassian.oai:swagger-request-validator-core}, {@code org.openapi4j:openapi-operation-validator}
 * and {@code commons-fileupload:commons-fileupload}).
 */
public final class ContractReferee implements Consumer<ObservedExchange>, AutoCloseable {

    private static final long JUDGING_TIMEOUT_SECONDS = 120;

    private final boolean judgeRequests;
    private final JsonContractValidator json = new JsonContractValidator();
    private final FormContractValidator forms = new FormContractValidator();
    private final ExecutorService judge = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "paradigm-contract-referee");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> violations = new ArrayList<>();

    /**
     * @param judgeRequests false to judge only the emulator's answers, for tests that send off-contract requests on
     *                      purpose (to see the emulator refuse them)
     */
    public ContractReferee(boolean judgeRequests) {
        this.judgeRequests = judgeRequests;
    }

    /** Whether the validator libraries are on the classpath. */
    public static boolean isAvailable() {
        try {
            Class.forName("com.atlassian.oai.validator.OpenApiInteractionValidator", false,
                    ContractReferee.class.getClassLoader());
            Class.forName("org.openapi4j.operation.validator.validation.RequestValidator", false,
                    ContractReferee.class.getClassLoader());
            Class.forName("org.apache.commons.fileupload.FileUpload", false, ContractReferee.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void accept(ObservedExchange exchange) {
        judge.execute(() -> {
            List<String> found = violations(exchange);
            if (!found.isEmpty()) {
                synchronized (violations) {
                    found.forEach(violation -> violations.add(exchange + ": " + violation));
                }
            }
        });
    }

    /** Everything the exchange breaks in the contract, each violation on its own. */
    public List<String> violations(ObservedExchange exchange) {
        List<String> found = new ArrayList<>();
        try {
            if (judgeRequests && exchange.requestBody() != null) {
                found.addAll(isForm(exchange) ? forms.requestViolations(exchange) : json.requestViolations(exchange));
            }
            if (!exchange.faultInjected() && exchange.status() != 0) {
                found.addAll(json.responseViolations(exchange).stream().map(v -> "answer: " + v).toList());
            }
        } catch (RuntimeException e) {
            found.add("the referee could not judge it: " + e);
        }
        return found;
    }

    /** The violations seen since the last call, once every exchange observed so far is judged. */
    public List<String> takeViolations() {
        try {
            judge.submit(() -> { }).get(JUDGING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The contract referee did not finish judging", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the contract referee judged", e);
        }
        synchronized (violations) {
            List<String> taken = List.copyOf(violations);
            violations.clear();
            return taken;
        }
    }

    @Override
    public void close() {
        judge.shutdownNow();
    }

    private static boolean isForm(ObservedExchange exchange) {
        String contentType = exchange.requestHeader("Content-Type");
        MimeTypes.Type type = contentType == null ? null : MimeTypes.getBaseType(contentType);
        return type == MimeTypes.Type.MULTIPART_FORM_DATA || type == MimeTypes.Type.FORM_ENCODED;
    }
}
