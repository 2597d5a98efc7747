package dev.containerize.jib;

import com.google.cloud.tools.jib.api.LogEvent;
import dev.containerize.BuildLog;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Passes Jib's log events on to the build log, and notes when Jib gave up on a request after its
 * own retries.
 *
 * <p>Jib's red lines about a failed request go to debug: the build's error, or the warning of a
 * retry, says the same in the plugin's words.
 */
final class JibLogEvents implements Consumer<LogEvent> {
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

  private final BuildLog log;
  private volatile boolean jibGaveUp;
  private volatile String lastFailedRequest = "";

  JibLogEvents(BuildLog log) {
    this.log = log;
  }

  @Override
  public void accept(LogEvent event) {
    String message = event.getMessage();
    if (message.endsWith("failed and will NOT be retried")) {
      jibGaveUp = true;
    }
    boolean warning =
        event.getLevel() == LogEvent.Level.ERROR || event.getLevel() == LogEvent.Level.WARN;
    if (warning && !isExpectedNotice(message) && !isReportedFailure(message)) {
      // Upload locations carry a long opaque state in their query; the path says enough.
      log.warn(message.replaceFirst("\\?\\S*", ""));
    } else {
      String plain = ANSI.matcher(message).replaceAll("");
      if (plain.startsWith("I/O error for image")) {
        lastFailedRequest = plain;
      }
      log.debug(plain);
    }
  }

  /** Starts listening for a new attempt of the whole exchange. */
  void startAttempt() {
    jibGaveUp = false;
    lastFailedRequest = "";
  }

  /** Whether, since {@link #startAttempt()}, Jib stopped retrying a request that kept failing. */
  boolean jibGaveUp() {
    return jibGaveUp;
  }

  /** Jib's line about the last request that failed with an I/O error, naming its image. */
  String lastFailedRequest() {
    return lastFailedRequest;
  }

  /** Notices that follow from a choice the user made (insecure registries, a tagged base). */
  private static boolean isExpectedNotice(String message) {
    return message.contains("does not use a specific image digest")
        || message.startsWith("Cannot verify server at")
        || message.startsWith("Failed to connect to") && message.contains("with HTTP");
  }

  /** Jib's red lines and last word about a failed request, which the build reports itself. */
  private static boolean isReportedFailure(String message) {
    return message.startsWith("\u001B[31;1m") || message.endsWith("failed and will NOT be retried");
  }
}
