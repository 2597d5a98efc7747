package dev.containerize.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Node.js major version a project asks for, from {@code engines.node}, {@code .nvmrc} or {@code
 * .node-version}, and where that came from.
 *
 * @param major the major version, for example 22
 * @param source where it came from, for example {@code "engines.node >=20"}
 */
public record NodeVersion(int major, String source) {
  private static final Pattern VERSION = Pattern.compile("^v?(\\d+)(?:\\.(\\d+|x|\\*))?");
  private static final Pattern COMPARATOR =
      Pattern.compile("(>=|<=|>|<|\\^|~|=)?\\s*v?(\\d+)((?:\\.(?:\\d+|[xX*]))*)");
  private static final Map<String, Integer> LTS_NAMES =
      Map.ofEntries(
          Map.entry("argon", 4),
          Map.entry("boron", 6),
          Map.entry("carbon", 8),
          Map.entry("dubnium", 10),
          Map.entry("erbium", 12),
          Map.entry("fermium", 14),
          Map.entry("gallium", 16),
          Map.entry("hydrogen", 18),
          Map.entry("iron", 20),
          Map.entry("jod", 22),
          Map.entry("krypton", 24));

  /**
   * Chooses the major version for the image: the build machine's own when the project's request
   * allows it, else the newest major the request names.
   */
  public static NodeVersion choose(
      PackageJson packageJson, Path projectDir, int buildMachineMajor) {
    Optional<String> range = packageJson.enginesNode();
    if (range.isPresent()) {
      return fromRange(range.get(), "engines.node \"" + range.get() + "\"", buildMachineMajor);
    }
    for (String name : List.of(".nvmrc", ".node-version")) {
      Optional<String> pinned = readFirstLine(projectDir.resolve(name));
      if (pinned.isPresent()) {
        return fromPin(pinned.get(), name + " \"" + pinned.get() + "\"", buildMachineMajor);
      }
    }
    return new NodeVersion(buildMachineMajor, "the Node.js that runs the build");
  }

  private static NodeVersion fromPin(String pin, String source, int buildMachineMajor) {
    String value = pin.trim().toLowerCase(java.util.Locale.ROOT);
    Integer lts = LTS_NAMES.get(value.replace("lts/", ""));
    if (lts != null) {
      return new NodeVersion(lts, source);
    }
    Matcher m = VERSION.matcher(value);
    return m.find()
        ? new NodeVersion(Integer.parseInt(m.group(1)), source)
        : new NodeVersion(buildMachineMajor, source + " (read as the build machine's Node.js)");
  }

  static NodeVersion fromRange(String range, String source, int buildMachineMajor) {
    List<int[]> alternatives = new ArrayList<>();
    for (String alternative : range.split("\\|\\|")) {
      alternatives.add(bounds(alternative.trim()));
    }
    for (int[] b : alternatives) {
      if (buildMachineMajor >= b[0] && buildMachineMajor <= b[1]) {
        return new NodeVersion(buildMachineMajor, source);
      }
    }
    int newest = -1;
    for (int[] b : alternatives) {
      newest = Math.max(newest, b[1] == Integer.MAX_VALUE ? b[0] : b[1]);
    }
    return newest > 0
        ? new NodeVersion(newest, source)
        : new NodeVersion(buildMachineMajor, source);
  }

  /** The lowest and highest major versions one {@code ||} alternative of a range allows. */
  static int[] bounds(String alternative) {
    int[] bounds = {0, Integer.MAX_VALUE};
    String[] hyphen = alternative.split("\\s+-\\s+");
    if (hyphen.length == 2) {
      bounds[0] = leadingMajor(hyphen[0]);
      bounds[1] = leadingMajor(hyphen[1]);
      return bounds;
    }
    Matcher m = COMPARATOR.matcher(alternative);
    while (m.find()) {
      String operator = m.group(1) == null ? "=" : m.group(1);
      apply(bounds, operator, Integer.parseInt(m.group(2)), m.group(3));
    }
    return bounds;
  }

  /**
   * Narrows {@code bounds} by one comparator; {@code rest} is what follows the major ({@code .1.0},
   * {@code .x} or nothing), which decides whether {@code <} and {@code >} still allow the major.
   */
  private static void apply(int[] bounds, String operator, int major, String rest) {
    boolean beyondMajorZero = rest.matches(".*[1-9].*");
    boolean majorOnly = !rest.matches("\\.\\d.*");
    switch (operator) {
      case ">=" -> bounds[0] = Math.max(bounds[0], major);
      case ">" -> bounds[0] = Math.max(bounds[0], majorOnly ? major + 1 : major);
      case "<=" -> bounds[1] = Math.min(bounds[1], major);
      case "<" -> bounds[1] = Math.min(bounds[1], beyondMajorZero ? major : major - 1);
      default -> {
        bounds[0] = Math.max(bounds[0], major);
        bounds[1] = Math.min(bounds[1], major);
      }
    }
  }

  private static int leadingMajor(String version) {
    Matcher m = VERSION.matcher(version.trim());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static Optional<String> readFirstLine(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Files.readAllLines(file).stream()
          .map(String::trim)
          .filter(l -> !l.isEmpty())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The default base image for this version: the official image's slim (glibc) variant. */
  public String defaultBaseImage() {
    return "node:" + major + "-slim";
  }
}
