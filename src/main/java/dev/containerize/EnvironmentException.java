package dev.containerize;

/**
 * A problem in the build environment: a tool that is missing, a registry that cannot be reached, a
 * file system that refuses a write.
 */
public class EnvironmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what failed and what to check. */
  public EnvironmentException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the low-level cause. */
  public EnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
