package dev.containerize.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import dev.containerize.node.NodeProject;
import dev.containerize.node.PackageManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void pnpmProjectIsRefusedBeforeAnythingRuns() throws IOException {
    write("package.json", "{\"packageManager\": \"pnpm@10.34.9\"}");
    write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
    NodeProject project = NodeProject.read(dir, null, 20);

    assertThatThrownBy(() -> DockerfileRecipe.of(project, null))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("installed with pnpm")
        .hasMessageContaining("container:generate-dockerfile cannot write a Dockerfile")
        .hasMessageContaining("container:build");
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
