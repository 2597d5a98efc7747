package dev.containerize.dockerfile;

import java.nio.file.Path;

/**
 * Where the generated files go.
 *
 * @param dockerfile the Dockerfile to write
 * @param contextDirectory the build context, the project folder, where {@code .dockerignore} goes
 * @param overwrite whether to replace a Dockerfile that the plugin did not write
 * @param image the image name shown in the Dockerfile's build command
 */
public record DockerfileTarget(
    Path dockerfile, Path contextDirectory, boolean overwrite, String image) {

  /** The {@code .dockerignore} at the root of the build context. */
  public Path dockerignore() {
    return contextDirectory.resolve(".dockerignore");
  }

  /** The {@code -f} path of the build command, or null for the context's own Dockerfile. */
  String dockerfileFlag() {
    Path context = contextDirectory.toAbsolutePath().normalize();
    Path file = dockerfile.toAbsolutePath().normalize();
    if (file.equals(context.resolve("Dockerfile"))) {
      return null;
    }
    return context.relativize(file).toString().replace('\\', '/');
  }
}
