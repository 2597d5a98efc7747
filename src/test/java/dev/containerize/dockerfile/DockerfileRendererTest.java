package dev.containerize.dockerfile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import dev.containerize.image.ContainerSettings;
import dev.containerize.image.ImageLayer;
import dev.containerize.image.ImagePlan;
import dev.containerize.image.ImagePlanner;
import dev.containerize.image.NodeAppLayout;
import dev.containerize.image.StopOnSignal;
import dev.containerize.node.NodeProject;
import dev.containerize.node.NodeVersion;
import dev.containerize.node.StartCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the Dockerfiles rendered for each kind of plain npm project against golden files in {@code
 * src/test/resources/dockerfile}.
 */
class DockerfileRendererTest {
  private static final String LOCKFILE =
      """
      {
        "name": "shop",
        "version": "1.2.0",
        "lockfileVersion": 3,
        "packages": {
          "": { "name": "shop", "dependencies": { "express": "4" } },
          "node_modules/express": { "version": "4.21.2" }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void npmProjectWithBuildScriptBuildsInItsOwnStage() throws IOException {
    project("\"start\": \"node server.js\", \"build\": \"node build.js\"");

    assertMatchesGolden(render(settings()), "npm-build.Dockerfile");
  }

  @Test
  void npmProjectWithoutBuildScriptCopiesItsFilesFromTheContext() throws IOException {
    project("\"start\": \"node server.js\"");

    assertMatchesGolden(render(settings()), "npm-no-build.Dockerfile");
  }

  @Test
  void npmrcReachesTheInstallsAsASecretMountOnly() throws IOException {
    project("\"start\": \"node server.js\", \"build\": \"node build.js\"");
    write(".npmrc", "//npm.example.com/:_authToken=secret\n");

    String dockerfile = render(settings());

    assertMatchesGolden(dockerfile, "npm-npmrc.Dockerfile");
    assertThat(dockerfile).doesNotContain("COPY .npmrc").doesNotContain("secret\n");
  }

  @Test
  void ownInstallScriptsGetTheWholeProjectBeforeTheInstall() throws IOException {
    project("\"start\": \"node server.js\", \"postinstall\": \"node gen.js\"");

    assertMatchesGolden(render(settings()), "npm-postinstall.Dockerfile");
  }

  @Test
  void renderingTwiceGivesTheSameBytes() throws IOException {
    project("\"start\": \"node server.js\", \"build\": \"node build.js\"");

    assertThat(render(settings())).isEqualTo(render(settings()));
  }

  @Test
  void valuesAreQuotedSoThatTheDockerfileDoesNotExpandThem() throws IOException {
    project("\"start\": \"node server.js\"");
    ContainerSettings settings =
        new ContainerSettings(
            "node:20-slim",
            List.of("node", "--max-old-space-size=256", "server.js"),
            List.of("--name", "a \"b\""),
            Map.of("GREETING", "costs $5 \\ \"cheap\""),
            List.of(),
            "65532",
            "/srv/app",
            Map.of(),
            null);

    String dockerfile = render(settings);

    assertThat(dockerfile)
        .contains("ENV GREETING=\"costs \\$5 \\\\ \\\"cheap\\\"\" \\\n    NODE_ENV=\"production\"")
        .contains(
            "ENTRYPOINT [\"node\", \"--import\", \""
                + StopOnSignal.MODULE_URL
                + "\", \"--max-old-space-size=256\", \"server.js\"]")
        .contains("CMD [\"--name\", \"a \\\"b\\\"\"]")
        .contains("USER 65532")
        .contains("WORKDIR /srv/app\nCOPY --from=production-dependencies /srv/app/node_modules");
  }

  @Test
  void layerWithoutDockerfileStepsIsRefusedByName() throws IOException {
    project("\"start\": \"node server.js\"");
    ImagePlan plan = plan(settings());
    ImagePlan custom =
        new ImagePlan(
            plan.baseImage(),
            List.of(new ImageLayer("standalone", List.of())),
            plan.entrypoint(),
            plan.arguments(),
            plan.environment(),
            plan.user(),
            plan.workingDirectory(),
            plan.ports(),
            plan.labels(),
            plan.creationTime());

    assertThatThrownBy(() -> DockerfileRenderer.render(custom, recipe(), "shop:1", null))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("\"standalone\"")
        .hasMessageContaining("container:build");
  }

  @Test
  void dockerfileOutsideTheContextIsNamedInTheBuildCommand() throws IOException {
    project("\"start\": \"node server.js\"");

    String dockerfile =
        DockerfileRenderer.render(plan(settings()), recipe(), "shop:1", "target/Dockerfile");

    assertThat(dockerfile).contains("#   docker build -f target/Dockerfile -t shop:1 .\n");
  }

  private void project(String scripts) throws IOException {
    write(
        "package.json",
        "{\"name\": \"shop\", \"version\": \"1.2.0\", \"license\": \"MIT\", \"scripts\": {"
            + scripts
            + "}, \"dependencies\": {\"express\": \"4\"}}");
    write("package-lock.json", LOCKFILE);
    write("server.js", "require('express')");
    write("node_modules/express/package.json", "{\"name\": \"express\", \"version\": \"4.21.2\"}");
  }

  private static ContainerSettings settings() {
    return new ContainerSettings(
        "node:20-slim",
        List.of(),
        List.of(),
        Map.of(),
        List.of("8080"),
        null,
        null,
        Map.of("team", "shop"),
        null);
  }

  private String render(ContainerSettings settings) {
    return DockerfileRenderer.render(plan(settings), recipe(), "shop:1.2.0", null);
  }

  private DockerfileRecipe recipe() {
    return DockerfileRecipe.of(NodeProject.read(dir, null, 20), null);
  }

  private ImagePlan plan(ContainerSettings settings) {
    NodeProject project = NodeProject.read(dir, null, 20);
    StartCommand start = StartCommand.derive(project.packageJson(), dir);
    String workdir = ImagePlanner.workingDirectory(settings);
    return ImagePlanner.plan(
        NodeAppLayout.of(project, start, workdir),
        settings,
        new NodeVersion(20, "engines.node"),
        Map.of("org.opencontainers.image.title", "shop"));
  }

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /**
   * Compares {@code actual} with the golden file {@code name}; on a difference the actual text is
   * also written to {@code target/golden-actual/name}, to review and copy over the golden file.
   */
  static void assertMatchesGolden(String actual, String name) throws IOException {
    String expected = null;
    try (InputStream in = DockerfileRendererTest.class.getResourceAsStream("/dockerfile/" + name)) {
      if (in != null) {
        expected = new String(in.readAllBytes(), UTF_8);
      }
    }
    if (!actual.equals(expected)) {
      Path file = Path.of("target", "golden-actual", name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
    }
    assertThat(actual).as("src/test/resources/dockerfile/" + name).isEqualTo(expected);
  }
}
