package dev.containerize.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an invoker's build.log one Maven run at a time. */
class InvokerBuildLogTest {
  @TempDir Path logs;

  @Test
  void lastRunHoldsTheLastMavenRunOnly() throws IOException {
    write(
        "[INFO] Scanning for projects...",
        "[ERROR] Failed to execute goal x: first",
        "[INFO] Total time:  01:02 min",
        "[INFO] Scanning for projects...",
        "[ERROR] Failed to execute goal x: second",
        "[INFO] Total time:  3.5 s");

    InvokerBuildLog whole = InvokerBuildLog.of(logs, "it");
    InvokerBuildLog last = whole.lastRun();

    assertThat(whole.error()).endsWith("first");
    assertThat(last.error()).endsWith("second");
    assertThat(last.seconds()).isEqualTo(3.5);
  }

  @Test
  void minutesAreCountedInSeconds() throws IOException {
    write("[INFO] Scanning for projects...", "[INFO] Total time:  01:02 min");

    assertThat(InvokerBuildLog.of(logs, "it").seconds()).isEqualTo(62.0);
  }

  @Test
  void aRunWithoutAnErrorLineFailsTheCheck() throws IOException {
    write("[INFO] Scanning for projects...", "[INFO] BUILD SUCCESS");

    assertThatThrownBy(() -> InvokerBuildLog.of(logs, "it").error())
        .isInstanceOf(AssertionError.class)
        .hasMessage("the build did not fail with an error line");
  }

  private void write(String... lines) throws IOException {
    Files.createDirectories(logs.resolve("it"));
    Files.write(logs.resolve("it/build.log"), List.of(lines));
  }
}
