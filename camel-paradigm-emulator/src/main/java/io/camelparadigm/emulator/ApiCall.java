package io.camelparadigm.emulator;

import java.util.List;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * An authenticated request on its way to an endpoint. {@code whenAnswered} collects what must happen
 * once the answer leaves (after any injected latency), such as freeing an upload slot.
 */
record ApiCall(Request request, Fields query, Accounts.Caller caller, List<Runnable> whenAnswered) {
}
