package dev.containerize;

import dev.containerize.image.ContainerSettings;
import dev.containerize.jib.BuildResult;
import dev.containerize.jib.ImageTarget;
import dev.containerize.jib.JibImageWriter;
import dev.containerize.testing.RecordingLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A program that containerizes a project as it is (no install, no build) on {@code scratch} into a
 * tar, for tests that must run the build in a process of its own: with fewer privileges, or another
 * locale. It prints one line per probed file, then one line for the outcome.
 *
 * <p>Arguments: the project folder, the build folder, then files to probe. Output: {@code probe
 * readable PATH} or {@code probe unreadable PATH}, then {@code built DIGEST}, {@code project
 * MESSAGE} or {@code environment MESSAGE}; anything else escapes as a stack trace.
 */
final class TarBuild {
  private TarBuild() {}

  public static void main(String[] args) {
    Path project = Path.of(args[0]);
    Path build = Path.of(args[1]);
    for (int i = 2; i < args.length; i++) {
      System.out.println("probe " + probe(Path.of(args[i])) + " " + args[i]);
    }
    try {
      BuildResult result = new ContainerBuild(new RecordingLog()).run(request(project, build));
      System.out.println("built " + result.imageDigest());
    } catch (ProjectException e) {
      System.out.println("project " + e.getMessage());
    } catch (EnvironmentException e) {
      System.out.println("environment " + e.getMessage());
    }
  }

  /** Whether this process can really read {@code file}: opening it is the test, not its mode. */
  private static String probe(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      in.read();
      return "readable";
    } catch (IOException e) {
      return "unreadable";
    }
  }

  private static ContainerRequest request(Path project, Path build) {
    ContainerSettings container =
        new ContainerSettings(
            "scratch", List.of(), List.of(), Map.of(), List.of(), null, null, Map.of(), null);
    return new ContainerRequest(
        project,
        build,
        new NodeSettings(true, null, null, Map.of()),
        container,
        new ImageTarget(
            ImageTarget.Kind.TAR,
            "example.test/tar-build:1",
            List.of(),
            build.resolve("image.tar")),
        new JibImageWriter.Options(
            false,
            build.resolve("cache/base"),
            build.resolve("cache/app"),
            registry -> Optional.empty(),
            registry -> Optional.empty()),
        Map.of(),
        "test");
  }
}
