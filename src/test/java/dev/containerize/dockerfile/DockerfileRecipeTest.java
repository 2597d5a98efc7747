package dev.containerize.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import dev.containerize.node.NodeProject;
import dev.containerize.node.PackageManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileRecipeTest {
  @TempDir Path dir;

  @Test
  void npmProjectGetsARecipeWithItsLockfileAndBuildScript() throws IOException {
    write("package.json", "{\"scripts\": {\"build\": \"node build.js\"}}");
    write("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {}}");

    DockerfileRecipe recipe = DockerfileRecipe.of(NodeProject.read(dir, null, 20), null);

    assertThat(recipe.packageManager()).isEqualTo(PackageManager.NPM);
    assertThat(recipe.lockfile()).isEqualTo("package-lock.json");
    assertThat(recipe.buildScript()).contains("build");
  }

  @Test
  void pnpmProjectGetsTheReleaseItNamesAndItsSettingsFiles() throws IOException {
    write("package.json", "{\"packageManager\": \"pnpm@10.34.9+sha512.abc\"}");
    write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
    write(".pnpmfile.cjs", "module.exports = {};\n");

    DockerfileRecipe recipe = DockerfileRecipe.of(NodeProject.read(dir, null, 20), null);

    assertThat(recipe.packageManager()).isEqualTo(PackageManager.PNPM);
    assertThat(recipe.release()).contains("10.34.9");
    assertThat(recipe.installFiles())
        .containsExactly("package.json", "pnpm-lock.yaml", ".pnpmfile.cjs");
  }

  @Test
  void yarnWithoutNamedReleaseGetsTheOneThatBuildsHere() throws IOException {
    write("package.json", "{\"name\": \"shop\"}");
    write("yarn.lock", "# yarn lockfile v1\n");

    DockerfileRecipe recipe =
        DockerfileRecipe.of(
            NodeProject.read(dir, null, 20), null, Map.of(), () -> Optional.of("1.22.22"));

    assertThat(recipe.packageManager()).isEqualTo(PackageManager.YARN);
    assertThat(recipe.yarnBerry()).isFalse();
    assertThat(recipe.release()).contains("1.22.22");
  }

  @Test
  void pnpmWithoutAnyReleaseIsRefusedNamingPackageJsonAndTheFix() throws IOException {
    write("package.json", "{\"name\": \"shop\"}");
    write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
    NodeProject project = NodeProject.read(dir, null, 20);

    assertThatThrownBy(() -> DockerfileRecipe.of(project, null, Map.of(), Optional::empty))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(dir.toRealPath().resolve("package.json").toString())
        .hasMessageContaining("\"packageManager\": \"pnpm@VERSION\"");
  }

  @Test
  void yarn3IsRefusedSinceItsProductionInstallIsAPlugin() throws IOException {
    write("package.json", "{\"packageManager\": \"yarn@3.8.7\"}");
    write("yarn.lock", "__metadata:\n  version: 6\n");
    write(".yarnrc.yml", "nodeLinker: node-modules\n");
    NodeProject project = NodeProject.read(dir, null, 20);

    assertThatThrownBy(() -> DockerfileRecipe.of(project, null))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("Yarn 3.8.7")
        .hasMessageContaining("yarn set version 4")
        .hasMessageContaining("container:build");
  }

  @Test
  void npmNeedsNoReleaseOfItsOwn() throws IOException {
    write("package.json", "{\"packageManager\": \"npm@11.6.2\"}");
    write("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {}}");

    DockerfileRecipe recipe = DockerfileRecipe.of(NodeProject.read(dir, null, 20), null);

    assertThat(recipe.release()).isEmpty();
  }

  @Test
  void workspaceMemberIsRefusedNamingItsWorkspace() throws IOException {
    write("package.json", "{\"name\": \"root\", \"workspaces\": [\"apps/*\"]}");
    write("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {}}");
    write("apps/api/package.json", "{\"name\": \"api\", \"main\": \"server.js\"}");
    NodeProject project = NodeProject.read(dir.resolve("apps/api"), null, 20);

    assertThatThrownBy(() -> DockerfileRecipe.of(project, null))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("is a member of the workspace " + dir.toRealPath())
        .hasMessageContaining("container:build");
  }

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
