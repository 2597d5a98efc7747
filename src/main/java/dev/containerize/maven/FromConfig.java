package dev.containerize.maven;

/** The {@code <from>} block: the base image and how to pull it. */
public class FromConfig {
  /**
   * The base image. Default: {@code node:<major>-slim} for the Node.js major version the project
   * declares ({@code engines.node}, {@code .nvmrc}, {@code .node-version}), else the build
   * machine's. Property {@code container.from.image}.
   */
  String image;

  /** Credentials for the base image's registry. Properties {@code container.from.auth.*}. */
  AuthConfig auth;

  /**
   * A Docker credential helper for the base image's registry: a suffix such as {@code gcr} (for
   * {@code docker-credential-gcr}) or a path. Property {@code container.from.credHelper}.
   */
  String credHelper;
}
