package dev.containerize.jib;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.LogEvent;
import dev.containerize.testing.RecordingLog;
import org.junit.jupiter.api.Test;

/** What of Jib's log reaches the user, and what it says about Jib's own retries. */
class JibLogEventsTest {
  private final RecordingLog log = new RecordingLog();
  private final JibLogEvents events = new JibLogEvents(log);

  @Test
  void jibsRetriesAreWarningsWithoutTheUploadState() {
    events.accept(
        LogEvent.warn(
            "PATCH http://r:5000/v2/app/blobs/uploads/7?_state=abc failed and will be retried"));

    assertThat(log.lines())
        .containsExactly(
            "WARN PATCH http://r:5000/v2/app/blobs/uploads/7 failed and will be retried");
    assertThat(events.jibGaveUp()).isFalse();
  }

  @Test
  void jibGivingUpIsNotedAndLeftToTheBuildsError() {
    events.accept(LogEvent.warn("PATCH http://r:5000/v2/app failed and will NOT be retried"));

    assertThat(events.jibGaveUp()).isTrue();
    assertThat(log.lines()).allMatch(line -> line.startsWith("DEBUG "));
    events.startAttempt();
    assertThat(events.jibGaveUp()).isFalse();
  }

  @Test
  void jibsRedFailureLinesGoToDebugInPlainText() {
    events.accept(LogEvent.error("\u001B[31;1mI/O error for image [r:5000/app]:\u001B[0m"));
    events.accept(LogEvent.error("\u001B[31;1m    java.net.SocketException\u001B[0m"));

    assertThat(log.lines())
        .containsExactly(
            "DEBUG I/O error for image [r:5000/app]:", "DEBUG     java.net.SocketException");
    assertThat(events.lastFailedRequest()).isEqualTo("I/O error for image [r:5000/app]:");
    events.startAttempt();
    assertThat(events.lastFailedRequest()).isEmpty();
  }

  @Test
  void noticesOfTheUsersOwnChoicesGoToDebug() {
    events.accept(LogEvent.warn("Base image 'node:20' does not use a specific image digest"));
    events.accept(LogEvent.warn("Cannot verify server at https://r:5000/v2/. Attempting again"));
    events.accept(
        LogEvent.warn(
            "Failed to connect to https://r:5000/v2/ over HTTPS. Attempting again with HTTP."));
    events.accept(LogEvent.warn("Something else"));

    assertThat(log.lines())
        .filteredOn(line -> line.startsWith("WARN "))
        .containsExactly("WARN Something else");
  }
}
