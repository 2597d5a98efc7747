package dev.containerize.image;

import dev.containerize.ProjectException;
import dev.containerize.node.NodeVersion;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Combines the app's layout with the user's settings into the one plan both renderers use. */
public final class ImagePlanner {
  private ImagePlanner() {}

  /**
   * Plans the image of an app laid out by {@code layout}.
   *
   * @param nodeVersion the Node.js version of the image, which names the default base image and
   *     tells whether its {@code node} can import the module that stops it on SIGTERM
   * @param projectLabels labels derived from the project ({@code org.opencontainers.image.*})
   */
  public static ImagePlan plan(
      AppLayout layout,
      ContainerSettings settings,
      NodeVersion nodeVersion,
      Map<String, String> projectLabels) {
    SortedMap<String, String> env = new TreeMap<>(layout.environment());
    env.putAll(settings.environment());
    SortedMap<String, String> labels = new TreeMap<>(projectLabels);
    labels.putAll(settings.labels());
    SortedSet<Integer> ports = new TreeSet<>(layout.ports());
    settings.ports().forEach(p -> ports.add(parsePort(p)));
    return new ImagePlan(
        orDefault(settings.baseImage(), nodeVersion.defaultBaseImage()),
        layout.layers(),
        StopOnSignal.apply(
            settings.entrypoint().isEmpty() ? layout.entrypoint() : settings.entrypoint(),
            nodeVersion.major()),
        List.copyOf(settings.arguments()),
        env,
        runtimeUser(settings),
        layout.workingDirectory(),
        ports,
        labels,
        creationTime(settings.creationTime()));
  }

  /**
   * Checks every value of {@code settings} that {@link #plan} reads, so that a mistake in the
   * configuration stops the build before the install and build take their time.
   */
  public static void check(ContainerSettings settings) {
    workingDirectory(settings);
    runtimeUser(settings);
    settings.ports().forEach(ImagePlanner::parsePort);
    creationTime(settings.creationTime());
  }

  /** The working directory the settings ask for, checked to be absolute. */
  public static String workingDirectory(ContainerSettings settings) {
    String dir =
        orDefault(settings.workingDirectory(), ContainerSettings.DEFAULT_WORKING_DIRECTORY);
    if (!dir.startsWith("/") || dir.contains("..")) {
      throw new ProjectException(
          "<container><workingDirectory> (-Dcontainer.workingDirectory) is \""
              + dir
              + "\": it must be an absolute path in the image, such as /app.");
    }
    return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }

  /** The run-time user the settings ask for, checked to be numeric ({@code uid[:gid]}). */
  public static String runtimeUser(ContainerSettings settings) {
    return checkUser(orDefault(settings.user(), ContainerSettings.DEFAULT_USER));
  }

  /**
   * The owner ({@code uid:gid}) of what the run-time user may write; group 0 when the settings name
   * none, which is the group a runtime gives a user that {@code /etc/passwd} does not list.
   */
  public static String runtimeOwner(ContainerSettings settings) {
    String user = runtimeUser(settings);
    return user.contains(":") ? user : user + ":0";
  }

  static int parsePort(String value) {
    String number = value.trim().replaceFirst("(?i)/tcp$", "");
    try {
      int port = Integer.parseInt(number);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below, with the fix
    }
    throw new ProjectException(
        "<container><ports> (-Dcontainer.ports) holds \""
            + value
            + "\", which is not a TCP port: give numbers from 1 to 65535, such as 3000.");
  }

  private static String checkUser(String user) {
    if (!user.matches("\\d+(:\\d+)?")) {
      throw new ProjectException(
          "<container><user> (-Dcontainer.user) is \""
              + user
              + "\": give a numeric user, and optionally group, such as 1000:1000, so that"
              + " the runtime can check it is not root without reading /etc/passwd.");
    }
    return user;
  }

  static Instant creationTime(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("EPOCH")) {
      return Instant.EPOCH;
    }
    if (value.equalsIgnoreCase("USE_CURRENT_TIMESTAMP")) {
      return Instant.now();
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new ProjectException(
          "<container><creationTime> (-Dcontainer.creationTime) is \""
              + value
              + "\": use EPOCH (the default, reproducible), USE_CURRENT_TIMESTAMP or an"
              + " ISO-8601 instant such as 2026-01-01T00:00:00Z.");
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
