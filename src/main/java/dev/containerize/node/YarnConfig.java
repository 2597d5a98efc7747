package dev.containerize.node;

import dev.containerize.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings of a {@code .yarnrc.yml} that decide how Yarn 2+ installs: its linker and the
 * committed Yarn release it runs.
 *
 * @param file the {@code .yarnrc.yml}
 * @param nodeLinker the {@code nodeLinker} setting, if set
 * @param yarnPath the {@code yarnPath} setting, relative to the file's folder, if set
 */
public record YarnConfig(Path file, Optional<String> nodeLinker, Optional<String> yarnPath) {

  /** Reads the {@code .yarnrc.yml} of {@code dir}, if it has one. */
  public static Optional<YarnConfig> read(Path dir) {
    Path file = dir.resolve(".yarnrc.yml");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Optional<String> nodeLinker = Optional.empty();
    Optional<String> yarnPath = Optional.empty();
    for (String line : lines(file)) {
      nodeLinker = nodeLinker.or(() -> topLevelValue(line, "nodeLinker"));
      yarnPath = yarnPath.or(() -> topLevelValue(line, "yarnPath"));
    }
    return Optional.of(new YarnConfig(file, nodeLinker, yarnPath));
  }

  private static Optional<String> topLevelValue(String line, String key) {
    if (!line.startsWith(key + ":")) {
      return Optional.empty();
    }
    String value = line.substring(key.length() + 1).replaceFirst("\\s+#.*$", "").trim();
    if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
      value = value.substring(1, value.length() - 1);
    }
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static java.util.List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
