package dev.containerize.build;

import dev.containerize.EnvironmentException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the last build recorded about its inputs, kept in a small properties file under the build
 * folder and replaced atomically so that an interrupted build never leaves half of it.
 */
public final class BuildState {
  private final Path file;
  private final Properties values = new Properties();

  private BuildState(Path file) {
    this.file = file;
  }

  /** Loads the state kept in {@code file}; a missing or unreadable file is an empty state. */
  public static BuildState load(Path file) {
    BuildState state = new BuildState(file);
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        state.values.load(in);
      } catch (IOException | IllegalArgumentException e) {
        state.values.clear();
      }
    }
    return state;
  }

  /** The value recorded under {@code key}. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.getProperty(key));
  }

  /** Records {@code value} under {@code key} and saves the state. */
  public void put(String key, String value) {
    values.setProperty(key, value);
    save();
  }

  /** Forgets {@code key} and saves the state. */
  public void remove(String key) {
    values.remove(key);
    save();
  }

  private void save() {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try (Writer out = Files.newBufferedWriter(temp)) {
        values.store(out, null);
      }
      move(temp);
    } catch (IOException e) {
      throw new EnvironmentException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private void move(Path temp) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
