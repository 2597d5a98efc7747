package dev.containerize.image;

import dev.containerize.node.StartCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes the image's {@code node} stop on SIGTERM and SIGINT when the app does not handle them: as
 * PID 1, a process that installs no handler ignores both, so the runtime's stop would wait for its
 * grace period and then kill it.
 *
 * <p>The start command gets {@code --import} of a tiny ES module in a {@code data:} URL, so the
 * image needs no shell, no init binary and no extra file. The module listens for both signals and
 * exits with {@code 128 + signal} only while its listener is the only one: as soon as the app adds
 * its own (as Next.js's server does), the module steps aside, and it comes back when the app's last
 * listener goes, so a library that removes its listener and raises the signal again (signal-exit,
 * terminus) still ends the process.
 */
public final class StopOnSignal {
  /** The first Node.js major whose every release has {@code --import} (18 has it from 18.18). */
  static final int FIRST_MAJOR = 20;

  /**
   * The module. The app's listener is added after Node's own {@code newListener} hook has seen a
   * listener in place; stepping aside in a microtask keeps Node's native handler armed.
   */
  static final String MODULE =
      "for(const[s,n]of[['SIGINT',2],['SIGTERM',15]]){"
          + "const x=()=>process.exit(128+n),c=()=>process.listenerCount(s);"
          + "process.on(s,x);"
          + "process.on('newListener',(e,l)=>e==s&&l!=x"
          + "&&queueMicrotask(()=>c()>1&&process.off(s,x)));"
          + "process.on('removeListener',(e,l)=>e==s&&l!=x&&!c()&&process.on(s,x))}";

  /** The {@code data:} URL that {@code node --import} loads. */
  public static final String MODULE_URL = "data:text/javascript," + percentEncoded(MODULE);

  /**
   * Characters that stay as they are in the URL; Node reads the module from the URL's path, which a
   * {@code ?} or {@code #} would end, and percent-decodes it, so {@code %} is encoded too.
   */
  private static final String UNENCODED = "!$&'()*+,-./:;<=>@[]^_`{|}~";

  private StopOnSignal() {}

  /**
   * The start command with the module imported, when {@code command} runs {@code node} of a major
   * that has {@code --import}; else the command as it is.
   */
  public static List<String> apply(List<String> command, int nodeMajor) {
    if (!StartCommand.runsNode(command)
        || nodeMajor < FIRST_MAJOR
        || command.contains(MODULE_URL)) {
      return List.copyOf(command);
    }
    List<String> withImport = new ArrayList<>(command);
    withImport.addAll(1, List.of("--import", MODULE_URL));
    return List.copyOf(withImport);
  }

  /** One line for the build log that says how the image's process stops on SIGTERM. */
  public static String describe(List<String> entrypoint, int nodeMajor) {
    if (entrypoint.contains(MODULE_URL)) {
      return "Signals: node stops on SIGTERM and SIGINT unless the app listens for them"
          + " (--import of a data: URL in the start command)";
    }
    if (!StartCommand.runsNode(entrypoint)) {
      return "Signals: the entrypoint does not start node, so it is left as configured; as PID 1,"
          + " its process must stop on SIGTERM by itself";
    }
    return "Signals: Node.js "
        + nodeMajor
        + " may lack --import (added in 18.18), so as PID 1 node ignores SIGTERM unless the app"
        + " listens for it; use Node.js "
        + FIRST_MAJOR
        + " or later, or handle SIGTERM in the app";
  }

  static String percentEncoded(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || UNENCODED.indexOf(c) >= 0)) {
        encoded.append(c);
      } else {
        encoded.append(String.format(Locale.ROOT, "%%%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }
}
