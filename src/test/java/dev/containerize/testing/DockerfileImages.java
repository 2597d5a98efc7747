package dev.containerize.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a generated Dockerfile with buildah and compares the result with the Jib-built image of
 * the same project, for the integration tests of {@code container:generate-dockerfile}.
 */
public final class DockerfileImages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SAME_CONFIG =
      List.of("Entrypoint", "Cmd", "User", "WorkingDir", "ExposedPorts");

  private DockerfileImages() {}

  /**
   * Builds the Dockerfile in {@code context} with buildah (storage under its {@code
   * target/buildah}), from {@code baseImage}, with the extra {@code options} (such as {@code
   * --secret}), and pushes it as {@code image}.
   */
  public static void buildAndPush(
      Path context, String baseImage, String image, List<String> options) {
    Path storage = context.resolve("target/buildah");
    List<String> buildah =
        List.of(
            "buildah",
            "--root",
            storage.resolve("root").toString(),
            "--runroot",
            storage.resolve("runroot").toString(),
            "--storage-driver",
            "vfs");
    List<String> bud = new ArrayList<>(buildah);
    bud.addAll(List.of("bud", "--isolation", "chroot", "--tls-verify=false"));
    bud.addAll(List.of("--build-arg", "BASE_IMAGE=" + baseImage));
    bud.addAll(options);
    bud.addAll(List.of("-t", image, "."));
    Command.of(bud).in(context).timeout(Duration.ofMinutes(15)).run();
    List<String> push = new ArrayList<>(buildah);
    push.addAll(List.of("push", "--tls-verify=false", "--format", "v2s2", image));
    push.add("docker://" + image);
    Command.of(push).timeout(Duration.ofMinutes(5)).run();
  }

  /**
   * Checks that both images have the same start command, user, working directory, ports,
   * environment and labels (without the version label buildah adds).
   */
  public static void assertSameConfig(String jibImage, String dockerImage) {
    JsonNode jib = ImageInspection.config(jibImage).get("config");
    JsonNode docker = ImageInspection.config(dockerImage).get("config");
    for (String field : SAME_CONFIG) {
      check(String.valueOf(jib.get(field)).equals(String.valueOf(docker.get(field))), field);
    }
    check(environment(jib).equals(environment(docker)), "Env");
    check(labels(jib).equals(labels(docker)), "Labels");
  }

  /** The entries under {@code /app/} of {@code image} that are not folders, by path. */
  public static Map<String, LayerEntry> appFiles(String image) {
    Map<String, LayerEntry> files = new TreeMap<>();
    ImageInspection.mergedEntries(image)
        .forEach(
            (path, entry) -> {
              if (path.startsWith("/app/") && entry.type() != LayerEntry.Type.DIRECTORY) {
                files.put(path, entry);
              }
            });
    return files;
  }

  /** Checks that both images hold the same files under {@code /app}, naming the differences. */
  public static void assertSameAppFiles(String jibImage, String dockerImage) {
    Set<String> jib = appFiles(jibImage).keySet();
    Set<String> docker = appFiles(dockerImage).keySet();
    Set<String> onlyDocker = new TreeSet<>(docker);
    onlyDocker.removeAll(jib);
    Set<String> onlyJib = new TreeSet<>(jib);
    onlyJib.removeAll(docker);
    if (!onlyDocker.isEmpty() || !onlyJib.isEmpty()) {
      throw new AssertionError(
          "only in the Dockerfile image: " + onlyDocker + "; only in the Jib image: " + onlyJib);
    }
  }

  /**
   * Runs each of {@code images} with runc and checks that it answers {@code greeting} on {@code /}
   * and reports on {@code /runtime} that it runs as uid 1000 in production, with the transitive
   * dependency, without the devDependency and without write access to its own files.
   */
  public static void assertServeAlike(Path basedir, List<String> images, String greeting)
      throws IOException {
    for (String image : images) {
      int port = RuncContainer.freePort();
      Path work = Files.createTempDirectory(basedir.resolve("target"), "runc");
      try (RuncContainer c = RuncContainer.start(image, work, Map.of("PORT", "" + port))) {
        checkAnswer(image, c.get(port, "/").contains(greeting), "does not answer " + greeting);
        JsonNode runtime = JSON.readTree(c.get(port, "/runtime"));
        checkAnswer(image, runtime.get("uid").asInt() == 1000, "does not run as uid 1000");
        checkAnswer(image, "production".equals(runtime.get("nodeEnv").asText()), "NODE_ENV");
        checkAnswer(image, runtime.get("transitivePresent").asBoolean(), "lacks a dependency");
        checkAnswer(image, !runtime.get("devDependencyPresent").asBoolean(), "has a devDependency");
        checkAnswer(image, !runtime.get("canWriteOwnFiles").asBoolean(), "can write its files");
      }
    }
  }

  private static void checkAnswer(String image, boolean holds, String problem) {
    if (!holds) {
      throw new AssertionError(image + " " + problem);
    }
  }

  private static Set<String> environment(JsonNode config) {
    Set<String> env = new TreeSet<>();
    config.get("Env").forEach(e -> env.add(e.asText()));
    return env;
  }

  private static Map<String, String> labels(JsonNode config) {
    Map<String, String> labels = new TreeMap<>();
    JsonNode node = config.get("Labels");
    if (node != null) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!e.getKey().startsWith("io.buildah.")) {
          labels.put(e.getKey(), e.getValue().asText());
        }
      }
    }
    return labels;
  }

  private static void check(boolean same, String field) {
    if (!same) {
      throw new AssertionError(field + " differs between the Jib and the Dockerfile image");
    }
  }
}
