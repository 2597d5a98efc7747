package dev.containerize.dockerfile;

import static dev.containerize.dockerfile.DockerfileRendererTest.assertMatchesGolden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import dev.containerize.image.ContainerSettings;
import dev.containerize.image.IgnoreRules;
import dev.containerize.image.ImagePlan;
import dev.containerize.image.ImagePlanner;
import dev.containerize.image.NodeAppLayout;
import dev.containerize.node.NodeProject;
import dev.containerize.node.NodeVersion;
import dev.containerize.node.StartCommand;
import dev.containerize.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the writer puts the files, what it never overwrites and how it keeps the user's rules. */
class DockerfileWriterTest {
  @TempDir Path dir;

  private final RecordingLog log = new RecordingLog();

  @BeforeEach
  void project() throws IOException {
    Files.writeString(
        dir.resolve("package.json"),
        "{\"name\": \"shop\", \"scripts\": {\"start\": \"node server.js\"}}");
    Files.writeString(
        dir.resolve("package-lock.json"),
        "{\"lockfileVersion\": 3, \"packages\": {\"\": {\"name\": \"shop\"}}}");
    Files.writeString(dir.resolve("server.js"), "");
  }

  @Test
  void aDockerfileThePluginDidNotWriteIsNeverOverwritten() throws IOException {
    Path dockerfile = dir.resolve("Dockerfile");
    Files.writeString(dockerfile, "FROM node:20\nCMD [\"node\", \"app.js\"]\n");

    assertThatThrownBy(() -> write(target(dockerfile, false)))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(dockerfile.toString())
        .hasMessageContaining("not written by the plugin")
        .hasMessageContaining("-Dcontainer.dockerfile=")
        .hasMessageContaining("-Dcontainer.overwriteDockerfile=true");
    assertThat(dockerfile).hasContent("FROM node:20\nCMD [\"node\", \"app.js\"]");
    assertThat(dir.resolve(".dockerignore")).doesNotExist();
  }

  @Test
  void overwriteReplacesTheUsersDockerfile() throws IOException {
    Path dockerfile = dir.resolve("Dockerfile");
    Files.writeString(dockerfile, "FROM node:20\n");

    write(target(dockerfile, true));

    assertThat(Files.readString(dockerfile)).startsWith(DockerfileRenderer.HEADER);
  }

  @Test
  void aDockerfileThePluginWroteIsReplacedWithoutAsking() throws IOException {
    Path dockerfile = dir.resolve("Dockerfile");
    Files.writeString(dockerfile, DockerfileRenderer.HEADER + " long ago\nFROM node:18\n");

    write(target(dockerfile, false));

    assertThat(Files.readString(dockerfile)).contains("ARG BASE_IMAGE=node:20-slim");
  }

  @Test
  void anotherPathLeavesTheUsersDockerfileAloneAndIgnoreFileAtTheContext() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM node:20\n");
    Path elsewhere = dir.resolve("target/Dockerfile");

    write(target(elsewhere, false));

    assertThat(dir.resolve("Dockerfile")).hasContent("FROM node:20");
    assertThat(Files.readString(elsewhere)).contains("docker build -f target/Dockerfile -t");
    assertThat(dir.resolve(".dockerignore")).exists();
  }

  @Test
  void regeneratingWithTheSameInputsLeavesTheFilesUntouched() throws IOException {
    Path dockerfile = dir.resolve("Dockerfile");
    write(target(dockerfile, false));
    byte[] first = Files.readAllBytes(dockerfile);
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(dockerfile, old);

    write(target(dockerfile, false));

    assertThat(Files.readAllBytes(dockerfile)).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(dockerfile)).isEqualTo(old);
    assertThat(log.infos()).contains("Dockerfile: " + dockerfile + " (unchanged)");
  }

  @Test
  void dockerignoreKeepsTheUsersLinesAheadOfThePluginsRules() throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), "# local notes\nnotes/\n!.env.example\n");

    write(target(dir.resolve("Dockerfile"), false));

    assertMatchesGolden(Files.readString(dir.resolve(".dockerignore")), "user-rules.dockerignore");
  }

  @Test
  void dockerignoreRegeneratedKeepsTheUsersLinesOnce() throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), "notes/\n");
    write(target(dir.resolve("Dockerfile"), false));
    String first = Files.readString(dir.resolve(".dockerignore"));

    write(target(dir.resolve("Dockerfile"), false));

    assertThat(dir.resolve(".dockerignore")).hasContent(first.strip());
    assertThat(first.lines().filter("notes/"::equals)).hasSize(1);
  }

  @Test
  void dockerignoreKeepsOutEverythingThePluginKeepsOut() throws IOException {
    write(target(dir.resolve("Dockerfile"), false));

    List<String> lines = Files.readAllLines(dir.resolve(".dockerignore"));

    assertThat(lines).containsAll(IgnoreRules.alwaysExcludedGlobs());
    assertThat(lines).contains("node_modules", "target", "**/.npmrc", "**/.env");
  }

  private DockerfileTarget target(Path dockerfile, boolean overwrite) {
    return new DockerfileTarget(dockerfile, dir, overwrite, "shop:1");
  }

  private void write(DockerfileTarget target) {
    NodeProject project = NodeProject.read(dir, null, 20);
    ContainerSettings settings = ContainerSettings.defaults();
    ImagePlan plan =
        ImagePlanner.plan(
            NodeAppLayout.of(project, StartCommand.derive(project.packageJson(), dir), "/app"),
            settings,
            new NodeVersion(20, "engines.node"),
            Map.of());
    new DockerfileWriter(log).write(plan, DockerfileRecipe.of(project, null), target);
  }
}
