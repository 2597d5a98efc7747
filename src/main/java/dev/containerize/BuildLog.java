package dev.containerize;

/** Where the core reports progress; the Maven edge maps it onto Maven's log. */
public interface BuildLog {

  /** A line about a major step, shown by default. */
  void info(String message);

  /** Something the user should look at, though the build goes on. */
  void warn(String message);

  /** Detail for troubleshooting, shown with {@code -X}. */
  void debug(String message);

  /** Whether output goes to an interactive terminal, where live progress is welcome. */
  default boolean interactive() {
    return false;
  }
}
