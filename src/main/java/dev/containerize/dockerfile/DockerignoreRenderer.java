package dev.containerize.dockerfile;

import dev.containerize.image.IgnoreRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the {@code .dockerignore} that goes with a generated Dockerfile: the project's own rules
 * first, then everything the plugin always keeps out, last so that no {@code !} line above can let
 * it back in (in a {@code .dockerignore} the last matching line wins).
 */
public final class DockerignoreRenderer {
  static final String OWN_RULES =
      "# The project's own rules: edit them here; they are kept when the file is generated again.";
  static final String PLUGIN_RULES =
      "# Kept out whatever the lines above say: secrets, build files, installed packages.";

  private DockerignoreRenderer() {}

  /** The {@code .dockerignore} with {@code ownRules}, the project's lines, kept as they are. */
  public static String render(List<String> ownRules) {
    List<String> lines = new ArrayList<>();
    lines.add(DockerfileRenderer.HEADER + " with the Dockerfile;");
    lines.add("# the Dockerfile's build context must not hold more than container:build sees.");
    lines.add(OWN_RULES);
    lines.addAll(trimmed(ownRules));
    lines.add(PLUGIN_RULES);
    lines.addAll(IgnoreRules.alwaysExcludedGlobs());
    return String.join("\n", lines) + "\n";
  }

  /**
   * The project's own rules in an existing {@code .dockerignore}: the lines between the two markers
   * of a file the plugin wrote, or every line of a file the user wrote.
   */
  public static List<String> ownRules(List<String> existing) {
    if (existing.isEmpty() || !existing.get(0).startsWith(DockerfileRenderer.HEADER)) {
      return trimmed(existing);
    }
    int start = existing.indexOf(OWN_RULES);
    int end = existing.indexOf(PLUGIN_RULES);
    if (start < 0 || end < start) {
      return List.of();
    }
    return trimmed(existing.subList(start + 1, end));
  }

  private static List<String> trimmed(List<String> lines) {
    int start = 0;
    int end = lines.size();
    while (start < end && lines.get(start).isBlank()) {
      start++;
    }
    while (end > start && lines.get(end - 1).isBlank()) {
      end--;
    }
    return List.copyOf(lines.subList(start, end));
  }
}
