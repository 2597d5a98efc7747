package dev.containerize.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code build.log} the Maven Invoker wrote for one integration test, or the part of it that
 * one Maven run wrote, for {@code verify.groovy} scripts that check how a build failed.
 */
public final class InvokerBuildLog {
  private static final String RUN_START = "[INFO] Scanning for projects...";
  private static final String ERROR_LINE = "[ERROR] Failed to execute goal";
  private static final Pattern TOTAL_TIME =
      Pattern.compile("Total time:\\s+(?:(\\d+):(\\d+) min|([\\d.]+) s)");

  private final String text;

  private InvokerBuildLog(String text) {
    this.text = text;
  }

  /** Reads {@code LOGS/TEST/build.log}, where {@code logs} is the invoker's log folder. */
  public static InvokerBuildLog of(Object logs, String test) {
    try {
      return new InvokerBuildLog(Files.readString(Path.of(logs.toString(), test, "build.log")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the last Maven run wrote: the whole log for a test with one invocation. */
  public InvokerBuildLog lastRun() {
    int start = text.lastIndexOf(RUN_START);
    return start < 0 ? this : new InvokerBuildLog(text.substring(start));
  }

  /** The text. */
  public String text() {
    return text;
  }

  /** The one line Maven printed for the failed goal; fails when the run did not fail so. */
  public String error() {
    return text.lines()
        .filter(line -> line.startsWith(ERROR_LINE))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the build did not fail with an error line"));
  }

  /** How long the (last) run took, as Maven reported it, in seconds. */
  public double seconds() {
    Matcher matcher = TOTAL_TIME.matcher(text);
    double seconds = -1;
    while (matcher.find()) {
      seconds =
          matcher.group(3) != null
              ? Double.parseDouble(matcher.group(3))
              : Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
    }
    if (seconds < 0) {
      throw new AssertionError("Maven reported no total time");
    }
    return seconds;
  }
}
