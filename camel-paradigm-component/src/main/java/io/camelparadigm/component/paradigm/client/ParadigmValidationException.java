package io.camelparadigm.component.paradigm.client;

/** Bad input found before any request was sent: the message names the value and what is allowed. */
public class ParadigmValidationException extends ParadigmException {

    public ParadigmValidationException(String operation, String message) {
        super(operation, message);
    }
}
