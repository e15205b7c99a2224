package io.camelparadigm.emulator;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** An authenticated request on its way to an endpoint. */
record ApiCall(Request request, Fields query, Accounts.Caller caller) {
}
