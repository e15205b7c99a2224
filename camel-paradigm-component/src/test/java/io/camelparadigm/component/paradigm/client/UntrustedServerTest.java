package io.camelparadigm.component.paradigm.client;

import java.io.EOFException;
import java.net.ConnectException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UntrustedServerTest {

    private static final ParadigmException ERROR = new ParadigmException("listWorkspaces", "failed", null);

    @Test
    void aCertificateOrANameTheJvmDoesNotTrustIsFinalAndNeverSent() {
        SSLHandshakeException unknownAuthority = new SSLHandshakeException("PKIX path building failed");
        unknownAuthority.initCause(new CertificateException("unable to find valid certification path"));
        SSLPeerUnverifiedException otherName = new SSLPeerUnverifiedException(
                "Certificate for <paradigm.example> doesn't match any of the subject alternative names");

        FailedAttempt unknown = FailedAttempt.broken(unknownAuthority, ERROR, false);
        assertThat(unknown.retryable()).isFalse();
        assertThat(unknown.mayHaveReachedService()).isFalse();
        FailedAttempt wrongName = FailedAttempt.broken(otherName, ERROR, false);
        assertThat(wrongName.retryable()).isFalse();
        assertThat(wrongName.mayHaveReachedService()).isFalse();
    }

    @Test
    void aHandshakeCutOffByTheNetworkIsTriedAgain() {
        SSLHandshakeException cutOff = new SSLHandshakeException("Remote host terminated the handshake");
        cutOff.initCause(new EOFException("SSL peer shut down incorrectly"));

        assertThat(FailedAttempt.broken(cutOff, ERROR, false).retryable()).isTrue();
        assertThat(FailedAttempt.broken(new ConnectException("refused"), ERROR, false).retryable()).isTrue();
    }
}
