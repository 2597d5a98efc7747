package dev.containerize.jib;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a built image goes.
 *
 * @param kind a registry, a tar file or a Docker engine
 * @param image the image reference
 * @param tags more tags to give the same image
 * @param tarFile the tar to write, for {@link Kind#TAR}
 */
public record ImageTarget(Kind kind, String image, List<String> tags, Path tarFile) {
  /** The kinds of destination. */
  public enum Kind {
    /** Push to a registry. */
    REGISTRY,
    /** Write a {@code docker load}-able tar. */
    TAR,
    /** Load into a Docker engine through the {@code docker} client. */
    DOCKER
  }
}
