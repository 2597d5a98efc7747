package dev.containerize;

/**
 * A problem the user can fix in the project or in the plugin configuration.
 *
 * <p>The message names the file or parameter, what is wrong with it and what to do.
 */
public class ProjectException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what is wrong and how to fix it. */
  public ProjectException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the low-level cause. */
  public ProjectException(String message, Throwable cause) {
    super(message, cause);
  }
}
