package dev.containerize.build;

import dev.containerize.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The record, inside an install root's {@code node_modules}, of the install that completed there.
 *
 * <p>Every module of a workspace keeps its own build state, but they share one {@code
 * node_modules}: this record is what tells any of them that the folder holds a whole install. It is
 * deleted before an install starts and written, atomically, once it has succeeded, so an install
 * that was stopped half-way is never taken for up to date. {@code npm ci} deletes {@code
 * node_modules} first, and the record with it. The image never holds it: only the packages of the
 * production closure are copied.
 */
final class InstallRecord {
  /** The file's name in {@code node_modules}. */
  static final String FILE_NAME = ".container-maven-plugin-install";

  private final Path file;

  private InstallRecord(Path installRoot) {
    this.file = installRoot.resolve("node_modules").resolve(FILE_NAME);
  }

  /** The record of the install in {@code installRoot}. */
  static InstallRecord in(Path installRoot) {
    return new InstallRecord(installRoot);
  }

  /** Whether the last install that completed here was the one {@code key} describes. */
  boolean says(String key) {
    try {
      return Files.isRegularFile(file)
          && Files.readString(file, StandardCharsets.UTF_8).strip().equals(key);
    } catch (IOException e) {
      return false;
    }
  }

  /** Deletes the record, before an install starts. */
  void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new EnvironmentException("Cannot delete " + file + ": " + e.getMessage(), e);
    }
  }

  /** Records that the install {@code key} describes completed, when it left a node_modules. */
  void write(String key) {
    Path folder = file.getParent();
    if (!Files.isDirectory(folder)) {
      return;
    }
    AtomicFile.write(file, (key + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
