package dev.containerize.image;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs this machine's {@code node} with the module imported. Outside a container node is not PID 1,
 * so a signal nobody handles would end it anyway; the tests tell the module's exit from the
 * kernel's by the {@code exit} event, which only {@code process.exit} emits.
 */
class StopOnSignalTest {
  private static final String REPORT_EXIT =
      "process.on('exit', (code) => console.log('exit event ' + code));\n";
  private static final String KEEP_RUNNING = "const timer = setInterval(() => {}, 1000);\n";

  @TempDir Path dir;

  @Test
  void moduleUrlLoadsAndListensForBothSignals() throws Exception {
    Run run =
        node(
            "console.log('listeners', process.listenerCount('SIGTERM'),"
                + " process.listenerCount('SIGINT'))",
            null);

    assertThat(run.exitCode()).isZero();
    assertThat(run.output()).containsExactly("ready", "listeners 1 1");
  }

  @ParameterizedTest
  @CsvSource({"TERM, 143", "INT, 130"})
  void withoutAHandlerTheSignalExitsWith128PlusItsNumber(String signal, int code) throws Exception {
    Run run = node(REPORT_EXIT + KEEP_RUNNING, signal);

    assertThat(run.exitCode()).isEqualTo(code);
    assertThat(run.output()).containsExactly("ready", "exit event " + code);
  }

  @Test
  void appHandlerRunsAloneAndDecidesHowTheAppEnds() throws Exception {
    Run run =
        node(
            REPORT_EXIT
                + KEEP_RUNNING
                + "process.on('SIGTERM', () => {\n"
                + "  console.log('draining');\n"
                + "  clearInterval(timer);\n"
                + "});",
            "TERM");

    assertThat(run.exitCode()).isZero();
    assertThat(run.output()).containsExactly("ready", "draining", "exit event 0");
  }

  /** The way of signal-exit (behind execa, write-file-atomic and more): re-raise when alone. */
  @Test
  void handlerThatRaisesTheSignalAgainWhenItListensAloneEndsTheApp() throws Exception {
    Run run =
        node(
            REPORT_EXIT
                + KEEP_RUNNING
                + "const cleanup = () => {\n"
                + "  if (process.listenerCount('SIGTERM') !== 1) return;\n"
                + "  console.log('cleaned up');\n"
                + "  process.off('SIGTERM', cleanup);\n"
                + "  process.kill(process.pid, 'SIGTERM');\n"
                + "};\n"
                + "process.on('SIGTERM', cleanup);",
            "TERM");

    assertThat(run.exitCode()).isEqualTo(143);
    assertThat(run.output()).containsExactly("ready", "cleaned up", "exit event 143");
  }

  @Test
  void charactersThatWouldEndOrAlterTheUrlArePercentEncoded() {
    assertThat(StopOnSignal.percentEncoded("a b%#?\"\\é+'=>"))
        .isEqualTo("a%20b%25%23%3F%22%5C%C3%A9+'=>");
    assertThat(StopOnSignal.MODULE_URL).doesNotContain(" ", "#", "?", "\"");
  }

  /** What a node process printed, line by line, and its exit code. */
  private record Run(int exitCode, List<String> output) {}

  /**
   * Runs {@code script} after the module, then, once it printed {@code ready}, sends it {@code
   * signal} (none when null) and waits up to 10 s for it to end; one still running is killed and
   * reported with exit code -1.
   */
  private Run node(String script, String signal) throws Exception {
    Path app = Files.writeString(dir.resolve("app.js"), "console.log('ready');\n" + script);
    Path log = dir.resolve("node.log");
    Process process =
        new ProcessBuilder("node", "--import", StopOnSignal.MODULE_URL, app.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      Instant deadline = Instant.now().plusSeconds(10);
      while (!Files.readString(log, UTF_8).contains("ready") && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      if (signal != null) {
        kill(signal, process.pid());
      }
      boolean ended = process.waitFor(10, TimeUnit.SECONDS);
      return new Run(ended ? process.exitValue() : -1, Files.readAllLines(log, UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }

  private static void kill(String signal, long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(pid)).start();
    assertThat(kill.waitFor()).isZero();
  }
}
