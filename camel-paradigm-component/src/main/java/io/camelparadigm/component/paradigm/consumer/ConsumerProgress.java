package io.camelparadigm.component.paradigm.consumer;

import java.util.Date;

/** What a paradigm consumer has done, for the dev console and JMX (the getters are its JMX attributes). */
public interface ConsumerProgress {

    /** The key of its state in the state repository. */
    String getStateKey();

    /** When it last polled, or null before its first poll. */
    Date getLastPollTimestamp();

    /** File changes it has listed and handled since it started. */
    long getChangesSeen();

    /** Upload sessions it follows that are not delivered yet (sessionEvents; 0 for fileEvents). */
    int getPendingSessions();

    /** Files whose change was sent but not completed yet. */
    int getUndeliveredFiles();
}
