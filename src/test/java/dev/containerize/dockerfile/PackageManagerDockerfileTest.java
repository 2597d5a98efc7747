package dev.containerize.dockerfile;

import static dev.containerize.dockerfile.DockerfileRendererTest.assertMatchesGolden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.image.ContainerSettings;
import dev.containerize.image.ImagePlan;
import dev.containerize.image.ImagePlanner;
import dev.containerize.image.NodeAppLayout;
import dev.containerize.node.NodeProject;
import dev.containerize.node.NodeVersion;
import dev.containerize.node.StartCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins the Dockerfiles rendered for pnpm, Yarn 1 and Yarn 4 projects against golden files. */
class PackageManagerDockerfileTest {
  private static final String BUILD = "\"start\": \"node server.js\", \"build\": \"node build.js\"";

  @TempDir Path dir;

  @Test
  void pnpmInstallsItsReleaseAndAHoistedProductionTree() throws IOException {
    project("pnpm@10.34.9", BUILD);
    write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
    write("pnpm-workspace.yaml", "onlyBuiltDependencies:\n  - esbuild\n");
    write(".npmrc", "//npm.example.com/:_authToken=secret\n");

    assertMatchesGoldenWithoutSecret("pnpm-build.Dockerfile", ".npmrc");
  }

  @Test
  void yarnClassicWithoutBuildScriptInstallsProductionDependenciesOnly() throws IOException {
    project("yarn@1.22.22", "\"start\": \"node server.js\"");
    write("yarn.lock", "# yarn lockfile v1\n");
    write(".yarnrc", "registry \"https://npm.example.com/\"\n");

    assertMatchesGoldenWithoutSecret("yarn1-no-build.Dockerfile", ".yarnrc");
  }

  @Test
  void yarnBerryGetsItsSettingsAsASecretAndTheLinkerFromTheEnvironment() throws IOException {
    project("yarn@4.18.1", BUILD);
    write("yarn.lock", "__metadata:\n  version: 8\n");
    write(".yarnrc.yml", "nodeLinker: node-modules\nnpmAuthToken: secret\n");

    assertMatchesGoldenWithoutSecret("yarn4-build.Dockerfile", ".yarnrc.yml");
  }

  @Test
  void renderingTwiceGivesTheSameBytes() throws IOException {
    project("yarn@4.18.1", BUILD);
    write("yarn.lock", "__metadata:\n  version: 8\n");
    write(".yarnrc.yml", "nodeLinker: node-modules\n");

    assertThat(render()).isEqualTo(render());
  }

  /** Renders the project, compares it with {@code golden} and checks the secret never appears. */
  private void assertMatchesGoldenWithoutSecret(String golden, String settingsFile)
      throws IOException {
    String dockerfile = render();

    assertMatchesGolden(dockerfile, golden);
    assertThat(dockerfile)
        .doesNotContain("COPY " + settingsFile)
        .doesNotContain("secret\n")
        .doesNotContain("npm.example.com")
        .contains("--mount=type=secret");
  }

  private void project(String packageManager, String scripts) throws IOException {
    write(
        "package.json",
        "{\"name\": \"shop\", \"version\": \"1.2.0\", \"packageManager\": \""
            + packageManager
            + "\", \"scripts\": {"
            + scripts
            + "}, \"dependencies\": {\"express\": \"4\"}}");
    write("server.js", "require('express')");
    write("node_modules/express/package.json", "{\"name\": \"express\", \"version\": \"4.21.2\"}");
  }

  private String render() {
    NodeProject project = NodeProject.read(dir, null, 20);
    ContainerSettings settings =
        new ContainerSettings(
            "node:20-slim", List.of(), List.of(), Map.of(), List.of(), null, null, Map.of(), null);
    String workdir = ImagePlanner.workingDirectory(settings);
    ImagePlan plan =
        ImagePlanner.plan(
            NodeAppLayout.of(project, StartCommand.derive(project.packageJson(), dir), workdir),
            settings,
            new NodeVersion(20, "engines.node"),
            Map.of("org.opencontainers.image.title", "shop"));
    DockerfileRecipe recipe = DockerfileRecipe.of(project, null, Map.of(), Optional::empty);
    return DockerfileRenderer.render(plan, recipe, "shop:1.2.0", null);
  }

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
