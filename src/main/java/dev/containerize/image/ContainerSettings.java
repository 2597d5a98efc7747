package dev.containerize.image;

import java.util.List;
import java.util.Map;

/**
 * What the user configured about the container; null or empty values mean "use the default".
 *
 * @param baseImage the base image reference
 * @param entrypoint the start command, replacing the one derived from the project
 * @param arguments the arguments after the entrypoint
 * @param environment run-time environment variables added to the image
 * @param ports the ports to expose, as configured (validated by the planner)
 * @param user the run-time user, {@code uid} or {@code uid:gid}
 * @param workingDirectory the folder the app is placed in and runs in
 * @param labels labels added to the image
 * @param creationTime {@code EPOCH}, {@code USE_CURRENT_TIMESTAMP} or an ISO-8601 instant
 */
public record ContainerSettings(
    String baseImage,
    List<String> entrypoint,
    List<String> arguments,
    Map<String, String> environment,
    List<String> ports,
    String user,
    String workingDirectory,
    Map<String, String> labels,
    String creationTime) {

  /** The user the app runs as unless configured: the official Node.js image's {@code node}. */
  public static final String DEFAULT_USER = "1000:1000";

  /** The folder the app lives in unless configured. */
  public static final String DEFAULT_WORKING_DIRECTORY = "/app";

  /** Settings with every value left to its default. */
  public static ContainerSettings defaults() {
    return new ContainerSettings(
        null, List.of(), List.of(), Map.of(), List.of(), null, null, Map.of(), null);
  }
}
