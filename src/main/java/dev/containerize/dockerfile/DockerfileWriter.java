package dev.containerize.dockerfile;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.containerize.BuildLog;
import dev.containerize.EnvironmentException;
import dev.containerize.ProjectException;
import dev.containerize.image.ImagePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the Dockerfile and {@code .dockerignore} of an image plan, never replacing a Dockerfile
 * the plugin did not write unless told to, and leaving files whose bytes would not change alone.
 */
public final class DockerfileWriter {
  private final BuildLog log;

  /** Creates a writer that reports to {@code log}. */
  public DockerfileWriter(BuildLog log) {
    this.log = log;
  }

  /** Writes the files of {@code plan}, built as {@code recipe} says, to {@code target}. */
  public void write(ImagePlan plan, DockerfileRecipe recipe, DockerfileTarget target) {
    checkOwnDockerfile(target);
    String dockerfile =
        DockerfileRenderer.render(plan, recipe, target.image(), target.dockerfileFlag());
    List<String> existingIgnore = readLines(target.dockerignore());
    if (!existingIgnore.isEmpty() && !isGenerated(existingIgnore)) {
      log.info(
          "Dockerignore: keeping the lines of "
              + target.dockerignore()
              + " as the project's own rules, ahead of the plugin's");
    }
    String dockerignore =
        DockerignoreRenderer.render(DockerignoreRenderer.ownRules(existingIgnore));
    writeIfChanged(target.dockerfile(), dockerfile, "Dockerfile");
    writeIfChanged(target.dockerignore(), dockerignore, "Dockerignore");
  }

  /** Stops, with the two ways out, when {@code target} would replace the user's own Dockerfile. */
  public static void checkOwnDockerfile(DockerfileTarget target) {
    List<String> existing = readLines(target.dockerfile());
    if (existing.isEmpty() || isGenerated(existing) || target.overwrite()) {
      return;
    }
    throw new ProjectException(
        target.dockerfile()
            + " exists and was not written by the plugin (its first line is not \""
            + DockerfileRenderer.HEADER
            + " ...\"), so it is left as it is. Write the generated one elsewhere with"
            + " <dockerfile> (-Dcontainer.dockerfile=target/Dockerfile), or replace this one with"
            + " <overwriteDockerfile>true</overwriteDockerfile>"
            + " (-Dcontainer.overwriteDockerfile=true).");
  }

  private static boolean isGenerated(List<String> lines) {
    return lines.get(0).startsWith(DockerfileRenderer.HEADER);
  }

  private void writeIfChanged(Path file, String content, String what) {
    byte[] bytes = content.getBytes(UTF_8);
    try {
      if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
        log.info(what + ": " + file + " (unchanged)");
        return;
      }
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      Files.write(temp, bytes);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      log.info(what + ": wrote " + file);
    } catch (IOException e) {
      throw new EnvironmentException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<String> readLines(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, UTF_8);
    } catch (IOException e) {
      throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
