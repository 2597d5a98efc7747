package dev.containerize.maven;

import java.util.List;
import java.util.Map;

/** The {@code <container>} block: how the container runs. */
public class ContainerConfig {
  /**
   * The start command in exec form, replacing the one derived from {@code package.json}. Property
   * {@code container.entrypoint} (comma-separated).
   */
  List<String> entrypoint;

  /** Arguments after the entrypoint. Property {@code container.args} (comma-separated). */
  List<String> args;

  /**
   * Run-time environment variables. {@code NODE_ENV=production} is always set unless given here.
   * Property {@code container.environment} ({@code K=V,K=V}).
   */
  Map<String, String> environment;

  /** TCP ports to expose. Property {@code container.ports} (comma-separated). */
  List<String> ports;

  /** The numeric run-time user, {@code uid[:gid]}. Default {@code 1000:1000}. */
  String user;

  /** The folder the app is placed in and runs in. Default {@code /app}. */
  String workingDirectory;

  /** Labels added to those derived from {@code package.json} and the POM. */
  Map<String, String> labels;

  /**
   * The image creation time: {@code EPOCH} (default, reproducible), {@code USE_CURRENT_TIMESTAMP}
   * or an ISO-8601 instant. Property {@code container.creationTime}.
   */
  String creationTime;
}
