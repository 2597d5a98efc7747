package dev.containerize.build;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

  /** Records every value of {@code entries} under its key and saves the state once. */
  public void putAll(Map<String, String> entries) {
    values.putAll(entries);
    save();
  }

  /** Forgets {@code key} and saves the state. */
  public void remove(String key) {
    values.remove(key);
    save();
  }

  private void save() {
    StringWriter out = new StringWriter();
    try {
      values.store(out, null);
    } catch (IOException e) {
      throw new IllegalStateException("A StringWriter does not fail", e);
    }
    AtomicFile.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
  }
}
