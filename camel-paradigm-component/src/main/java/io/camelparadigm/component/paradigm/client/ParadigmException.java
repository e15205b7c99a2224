package io.camelparadigm.component.paradigm.client;

/** Base of every error the Paradigm client raises; names the operation that failed. */
public class ParadigmException extends RuntimeException {

    private final String operation;

    public ParadigmException(String operation, String message, Throwable cause) {
        super(operation + ": " + message, cause);
        this.operation = operation;
    }

    public ParadigmException(String operation, String message) {
        this(operation, message, null);
    }

    public String getOperation() {
        return operation;
    }
}
