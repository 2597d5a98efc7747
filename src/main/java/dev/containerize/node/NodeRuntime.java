package dev.containerize.node;

import dev.containerize.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Node.js that runs on the build machine, whose native addons end up in the image. */
public final class NodeRuntime {
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.\\d+\\.\\d+");
  private static volatile Integer cachedMajor;

  private NodeRuntime() {}

  /** The major version of {@code node} on the PATH, asked once per JVM. */
  public static int buildMachineMajor() {
    Integer major = cachedMajor;
    if (major == null) {
      major = askNode();
      cachedMajor = major;
    }
    return major;
  }

  private static int askNode() {
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw missing("`node --version` answered: " + out.trim());
      }
      Matcher m = VERSION.matcher(out.trim());
      if (!m.find()) {
        throw missing("`node --version` answered \"" + out.trim() + "\"");
      }
      return Integer.parseInt(m.group(1));
    } catch (IOException e) {
      throw missing(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw missing("interrupted");
    }
  }

  private static EnvironmentException missing(String detail) {
    return new EnvironmentException(
        "Cannot run Node.js on the build machine ("
            + detail
            + "). Install Node.js and put `node` and its package manager on the PATH of the"
            + " Maven process.");
  }
}
