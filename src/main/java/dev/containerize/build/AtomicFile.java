package dev.containerize.build;

import dev.containerize.EnvironmentException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file's content in one step: written to a new file beside it, then moved over it, so
 * that a build stopped at any moment (even by SIGKILL) leaves the old content or the new, never
 * half of either.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Replaces the content of {@code file} with {@code content}, creating its folder if needed. */
  public static void write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      Files.write(temp, content);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new EnvironmentException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
