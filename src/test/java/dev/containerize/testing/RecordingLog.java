package dev.containerize.testing;

import dev.containerize.BuildLog;
import java.util.ArrayList;
import java.util.List;

/** A build log that keeps every line, for tests that check what the core reported. */
public final class RecordingLog implements BuildLog {
  private final List<String> lines = new ArrayList<>();

  @Override
  public void info(String message) {
    lines.add("INFO " + message);
  }

  @Override
  public void warn(String message) {
    lines.add("WARN " + message);
  }

  @Override
  public void debug(String message) {
    lines.add("DEBUG " + message);
  }

  /** Every line logged so far, prefixed with its level. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** The info lines logged so far, without prefix. */
  public List<String> infos() {
    return lines.stream().filter(l -> l.startsWith("INFO ")).map(l -> l.substring(5)).toList();
  }

  /** Forgets the lines logged so far. */
  public void clear() {
    lines.clear();
  }
}
