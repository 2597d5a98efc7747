package dev.containerize.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a Dockerfile the way a pipeline without a Docker daemon would, with buildah (RUN steps
 * isolated by chroot, storage under the test project's {@code target} folder), and pushes the image
 * to a registry on loopback.
 */
public final class Buildah {
  private Buildah() {}

  /**
   * Builds the {@code Dockerfile} of {@code contextDir} as {@code image} and pushes it.
   *
   * @param options more options of {@code buildah bud}, such as {@code --build-arg} or {@code
   *     --secret}
   */
  public static void buildAndPush(Path contextDir, String image, List<String> options) {
    List<String> bud = buildah(contextDir);
    bud.addAll(List.of("bud", "--isolation", "chroot", "--tls-verify=false"));
    bud.addAll(options);
    bud.addAll(List.of("-t", image, "."));
    Command.of(bud).in(contextDir).timeout(Duration.ofMinutes(15)).run();
    List<String> push = buildah(contextDir);
    push.addAll(List.of("push", "--tls-verify=false", "--format", "v2s2", image));
    push.add("docker://" + image);
    Command.of(push).timeout(Duration.ofMinutes(5)).run();
  }

  private static List<String> buildah(Path contextDir) {
    Path storage = contextDir.resolve("target/buildah");
    return new ArrayList<>(
        List.of(
            "buildah",
            "--root",
            storage.resolve("root").toString(),
            "--runroot",
            storage.resolve("runroot").toString(),
            "--storage-driver",
            "vfs"));
  }
}
