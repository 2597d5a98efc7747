package dev.containerize.jib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import com.google.cloud.tools.jib.api.LogEvent;
import dev.containerize.testing.RecordingLog;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Which registry failures a new attempt may cure, and how many attempts are made. */
class RegistryRetryTest {
  private static final List<Duration> NO_WAIT = Collections.nCopies(3, Duration.ZERO);

  private final RecordingLog log = new RecordingLog();
  private final JibLogEvents events = new JibLogEvents(log);
  private final RegistryRetry retry = new RegistryRetry(log, events, NO_WAIT);

  @Test
  void serverErrorsAndDroppedConnectionsAreTransient() {
    assertThat(RegistryRetry.isTransient(answer(500, ""))).isTrue();
    assertThat(RegistryRetry.isTransient(answer(502, ""))).isTrue();
    assertThat(RegistryRetry.isTransient(answer(503, ""))).isTrue();
    assertThat(RegistryRetry.isTransient(new SocketException("Connection reset"))).isTrue();
    assertThat(RegistryRetry.isTransient(new SocketException("Broken pipe"))).isTrue();
    assertThat(
            RegistryRetry.isTransient(
                new SSLException("Connection reset", new SocketException("Connection reset"))))
        .isTrue();
    assertThat(
            RegistryRetry.isTransient(
                new IOException("Premature end of chunk coded message body: closing chunk")))
        .isTrue();
    assertThat(RegistryRetry.isTransient(new IOException("The target server failed to respond")))
        .isTrue();
  }

  @Test
  void anUploadBrokenOffByADropIsTransient() {
    HttpResponseException broken =
        answer(404, errors("BLOB_UPLOAD_INVALID", "blob upload invalid"));

    assertThat(RegistryRetry.isTransient(new IOException("wrapped", broken))).isTrue();
    assertThat(RegistryRetry.describe(broken))
        .isEqualTo(
            "an upload broken off by a dropped connection, 404 Not Found (BLOB_UPLOAD_INVALID blob"
                + " upload invalid) on PATCH http://registry.test/v2/app/blobs/uploads/1");
  }

  @Test
  void clientErrorsAndPermanentFailuresAreNot() {
    assertThat(RegistryRetry.isTransient(answer(400, ""))).isFalse();
    assertThat(RegistryRetry.isTransient(answer(401, ""))).isFalse();
    assertThat(RegistryRetry.isTransient(answer(403, ""))).isFalse();
    assertThat(RegistryRetry.isTransient(answer(404, errors("MANIFEST_UNKNOWN", "manifest"))))
        .isFalse();
    assertThat(RegistryRetry.isTransient(answer(429, ""))).isFalse();
    assertThat(RegistryRetry.isTransient(new ConnectException("Connection refused"))).isFalse();
    assertThat(RegistryRetry.isTransient(new UnknownHostException("registry.invalid"))).isFalse();
    assertThat(RegistryRetry.isTransient(new SocketTimeoutException("Read timed out"))).isFalse();
    assertThat(
            RegistryRetry.isTransient(
                new SSLHandshakeException("Remote host terminated the handshake")
                    .initCause(new EOFException("SSL peer shut down incorrectly"))))
        .isFalse();
    // What `docker load` leaves when the engine goes away is not a registry's fault.
    assertThat(RegistryRetry.isTransient(new IOException("Broken pipe"))).isFalse();
  }

  @Test
  void aRegistrysAnswerDuringDockerBuildIsNotBlamedOnDocker() {
    ImageTarget docker = new ImageTarget(ImageTarget.Kind.DOCKER, "app:1", List.of(), null);
    ImageTarget tar = new ImageTarget(ImageTarget.Kind.TAR, "app:1", List.of(), null);

    assertThat(JibImageWriter.isDockerFailure(docker, new IOException("'docker load' failed")))
        .isTrue();
    assertThat(JibImageWriter.isDockerFailure(docker, new IOException(answer(503, "")))).isFalse();
    assertThat(JibImageWriter.isDockerFailure(docker, new IOException(answer(404, "")))).isFalse();
    assertThat(JibImageWriter.isDockerFailure(docker, new SocketException("reset"))).isFalse();
    assertThat(JibImageWriter.isDockerFailure(tar, new IOException("disk full"))).isFalse();
  }

  @Test
  void describesAnAnswerWithItsRequestWithoutTheQuery() {
    assertThat(RegistryRetry.describe(answer(503, errors("UNAVAILABLE", "service unavailable"))))
        .isEqualTo(
            "503 Service Unavailable (UNAVAILABLE service unavailable) on PATCH"
                + " http://registry.test/v2/app/blobs/uploads/1");
    assertThat(RegistryRetry.describe(new SocketException("Connection reset")))
        .isEqualTo("the connection dropped: SocketException: Connection reset");
  }

  @Test
  void retriesATransientFailureWithOneWarningEach() throws Exception {
    Deque<Exception> failures =
        new ArrayDeque<>(List.of(new IOException(answer(503, "")), new SocketException("reset")));

    String result = retry.run("Pushing app:1", () -> succeedAfter(failures));

    assertThat(result).isEqualTo("pushed");
    assertThat(retry.retries()).isEqualTo(2);
    assertThat(log.lines())
        .containsExactly(
            "WARN Pushing app:1 failed (503 Service Unavailable on PATCH"
                + " http://registry.test/v2/app/blobs/uploads/1); retry 1 of 3 in 0 s.",
            "WARN Pushing app:1 failed (the connection dropped: SocketException: reset); retry 2"
                + " of 3 in 0 s.");
  }

  @Test
  void givesUpAfterTheLastRetry() {
    Deque<Exception> failures = new ArrayDeque<>(Collections.nCopies(4, serverError()));

    assertThatThrownBy(() -> retry.run("Pushing app:1", () -> succeedAfter(failures)))
        .isInstanceOf(ExecutionException.class);
    assertThat(retry.retries()).isEqualTo(3);
    assertThat(failures).isEmpty();
  }

  @Test
  void neverRetriesAClientError() {
    Deque<Exception> failures = new ArrayDeque<>(List.of(new IOException(answer(403, ""))));

    assertThatThrownBy(() -> retry.run("Pushing app:1", () -> succeedAfter(failures)))
        .isInstanceOf(IOException.class);
    assertThat(retry.retries()).isZero();
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void leavesAloneWhatJibAlreadyRetriedInVain() {
    Deque<Exception> failures = new ArrayDeque<>(List.of(new SocketException("reset")));

    assertThatThrownBy(
            () ->
                retry.run(
                    "Pushing app:1",
                    () -> {
                      events.accept(
                          LogEvent.warn("PATCH http://r/v2/ failed and will NOT be retried"));
                      return succeedAfter(failures);
                    }))
        .isInstanceOf(SocketException.class);
    assertThat(retry.retries()).isZero();
  }

  private static String succeedAfter(Deque<Exception> failures)
      throws IOException, ExecutionException {
    Exception next = failures.poll();
    if (next instanceof IOException io) {
      throw io;
    }
    if (next instanceof ExecutionException execution) {
      throw execution;
    }
    return "pushed";
  }

  private static ExecutionException serverError() {
    return new ExecutionException(new IOException(answer(500, "")));
  }

  private static HttpResponseException answer(int status, String content) {
    String reason =
        switch (status) {
          case 404 -> "Not Found";
          case 503 -> "Service Unavailable";
          default -> "Status " + status;
        };
    return new HttpResponseException.Builder(status, reason, new HttpHeaders())
        .setContent(content)
        .setMessage(
            status + " " + reason + "\nPATCH http://registry.test/v2/app/blobs/uploads/1?_state=x")
        .build();
  }

  private static String errors(String code, String message) {
    return "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}";
  }
}
