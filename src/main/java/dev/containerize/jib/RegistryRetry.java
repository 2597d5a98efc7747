package dev.containerize.jib;

import com.google.api.client.http.HttpResponseException;
import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.RegistryException;
import dev.containerize.BuildLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Runs a registry exchange again after a failure that a new attempt can cure: an answer in the 5xx
 * range, a connection dropped in the middle of a transfer, or an upload that such a drop left
 * broken. Nothing else is retried: not a 4xx answer, missing credentials, an unknown host, a
 * refused connection or a certificate.
 *
 * <p>Jib answers none of these itself, except a dropped connection, whose request it sends again up
 * to ten times within about a minute; but a blob upload sent again into the upload the drop broke
 * is refused by the registry. A retry here starts the exchange afresh, and costs little: Jib's
 * caches keep the layers, and blobs the registry already holds are not sent again.
 */
final class RegistryRetry {
  /** The wait before each retry: three retries, 14 seconds of waiting in all. */
  static final List<Duration> DELAYS =
      List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));

  /** The error codes of the distribution spec for an upload the registry no longer accepts. */
  private static final List<String> BROKEN_UPLOAD =
      List.of("BLOB_UPLOAD_INVALID", "BLOB_UPLOAD_UNKNOWN");

  /** Apache HttpClient's and the JDK's words for a response or TLS stream cut off midway. */
  private static final List<String> CUT_OFF =
      List.of("premature end", "failed to respond", "truncated chunk", "peer shut down");

  /** A registry exchange that can be run again. */
  @FunctionalInterface
  interface Exchange<T> {
    /** Runs the exchange once. */
    T run()
        throws InterruptedException,
            RegistryException,
            IOException,
            CacheDirectoryCreationException,
            ExecutionException;
  }

  private final BuildLog log;
  private final JibLogEvents events;
  private final List<Duration> delays;
  private int retries;

  /** Retries after {@code delays}, warning on {@code log}, unless Jib gave up by itself. */
  RegistryRetry(BuildLog log, JibLogEvents events, List<Duration> delays) {
    this.log = log;
    this.events = events;
    this.delays = List.copyOf(delays);
  }

  /**
   * Runs {@code exchange}, described as {@code what} in warnings, until it succeeds or fails for
   * good.
   */
  <T> T run(String what, Exchange<T> exchange)
      throws InterruptedException,
          RegistryException,
          IOException,
          CacheDirectoryCreationException,
          ExecutionException {
    while (true) {
      events.startAttempt();
      try {
        return exchange.run();
      } catch (ExecutionException e) {
        retryOrThrow(what, e.getCause(), e);
      } catch (RegistryException e) {
        retryOrThrow(what, e, e);
      } catch (IOException e) {
        retryOrThrow(what, e, e);
      }
    }
  }

  /** How many retries were made. */
  int retries() {
    return retries;
  }

  private <E extends Exception> void retryOrThrow(String what, Throwable failure, E thrown)
      throws E, InterruptedException {
    // When Jib gave up on a request after its own retries, more attempts would only repeat them.
    if (retries == delays.size() || !isTransient(failure) || events.jibGaveUp()) {
      throw thrown;
    }
    Duration delay = delays.get(retries++);
    log.warn(
        what
            + " failed ("
            + describe(failure)
            + "); retry "
            + retries
            + " of "
            + delays.size()
            + " in "
            + delay.toSeconds()
            + " s.");
    Thread.sleep(delay.toMillis());
  }

  /** Whether a new attempt may cure {@code failure}. */
  static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpResponseException response) {
        return response.getStatusCode() >= 500 || isBrokenUpload(response);
      }
      if (t instanceof SSLHandshakeException || isConnectFailure(t)) {
        return false;
      }
      if (t instanceof SocketException || isCutOff(t)) {
        return true; // connection reset, broken pipe
      }
    }
    return false;
  }

  /** What went wrong, in a few words with the request, for a warning or an error. */
  static String describe(Throwable failure) {
    Optional<HttpResponseException> response = responseIn(failure);
    if (response.isEmpty()) {
      Throwable dropped =
          failure.getCause() == null ? failure : RegistryFailures.rootCause(failure);
      return "the connection dropped: "
          + dropped.getClass().getSimpleName()
          + ": "
          + RegistryFailures.oneLine(dropped.getMessage());
    }
    HttpResponseException answer = response.get();
    return (isBrokenUpload(answer) ? "an upload broken off by a dropped connection, " : "")
        + answer.getStatusCode()
        + " "
        + answer.getStatusMessage()
        + RegistryFailures.registryErrors(answer).map(e -> " (" + e + ")").orElse("")
        + request(answer).map(r -> " on " + r).orElse("");
  }

  private static boolean isBrokenUpload(HttpResponseException response) {
    String content = String.valueOf(response.getContent());
    return BROKEN_UPLOAD.stream().anyMatch(content::contains);
  }

  private static boolean isConnectFailure(Throwable t) {
    return t instanceof ConnectException
        || t instanceof NoRouteToHostException
        || t instanceof PortUnreachableException;
  }

  private static boolean isCutOff(Throwable t) {
    String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
    return t instanceof IOException && CUT_OFF.stream().anyMatch(message::contains);
  }

  /** The registry's HTTP answer in the causes of {@code failure}, if it got one. */
  static Optional<HttpResponseException> responseIn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpResponseException response) {
        return Optional.of(response);
      }
    }
    return Optional.empty();
  }

  /** The request line google-http-client puts second in its message, without the query. */
  private static Optional<String> request(HttpResponseException response) {
    return String.valueOf(response.getMessage())
        .lines()
        .skip(1)
        .findFirst()
        .map(line -> line.replaceFirst("\\?\\S*", ""));
  }
}
