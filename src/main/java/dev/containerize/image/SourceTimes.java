package dev.containerize.image;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerize.EnvironmentException;
import dev.containerize.build.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The modification times that a layer's source files had at the last complete build, so that files
 * a rebuild wrote again with the same content (as {@code next build} does with its standalone
 * output) get their times back: Jib's layer cache is keyed on those times, and with them it serves
 * the layer it already packed instead of packing and compressing it again.
 */
final class SourceTimes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, Long>> TIMES = new TypeReference<>() {};

  private final Path folder;

  /** Keeps the times of each layer in a file of its own under {@code folder}. */
  SourceTimes(Path folder) {
    this.folder = folder;
  }

  /** Records the current times of the files of {@code layer}, replacing the earlier record. */
  void record(ImageLayer layer) {
    Map<String, Long> times = new TreeMap<>();
    for (ImageFile file : layer.files()) {
      if (!file.isDirectory()) {
        times.put(file.source().toString(), nanos(file.source()));
      }
    }
    try {
      AtomicFile.write(file(layer), JSON.writeValueAsBytes(times));
    } catch (IOException e) {
      throw new UncheckedIOException("JSON of a map of strings to numbers", e);
    }
  }

  /**
   * Gives every file of {@code layer} the time recorded for it. Only for a layer whose content is
   * the same as at the last complete build; returns false, changing nothing, when a file has no
   * recorded time or cannot take it.
   */
  boolean restore(ImageLayer layer) {
    Map<String, Long> recorded = load(layer);
    if (layer.files().stream()
        .anyMatch(f -> !f.isDirectory() && !recorded.containsKey(f.source().toString()))) {
      return false;
    }
    try {
      for (ImageFile file : layer.files()) {
        if (!file.isDirectory()) {
          long time = recorded.get(file.source().toString());
          Files.setLastModifiedTime(file.source(), FileTime.from(time, TimeUnit.NANOSECONDS));
        }
      }
      return true;
    } catch (IOException e) {
      // A file the build user may read but not touch: Jib then packs the layer again, which
      // costs time and changes nothing in the image.
      return false;
    }
  }

  private Map<String, Long> load(ImageLayer layer) {
    Path file = file(layer);
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      return JSON.readValue(file.toFile(), TIMES);
    } catch (IOException e) {
      return Map.of();
    }
  }

  private Path file(ImageLayer layer) {
    return folder.resolve(layer.name() + ".json");
  }

  private static long nanos(Path source) {
    try {
      return Files.getLastModifiedTime(source).to(TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      throw new EnvironmentException(
          "Cannot read the time of " + source + ": " + e.getMessage(), e);
    }
  }
}
