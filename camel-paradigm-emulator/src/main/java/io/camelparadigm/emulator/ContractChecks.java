package io.camelparadigm.emulator;

/** What the JUnit extension checks against the contract during each test (see {@link ParadigmEmulatorExtension}). */
public enum ContractChecks {
    /** Every request the emulator receives and every answer it gives (the default). */
    REQUESTS_AND_ANSWERS,
    /** Only the emulator's answers: for tests that send off-contract requests on purpose, to see them refused. */
    ANSWERS,
    /** Nothing. */
    OFF
}
