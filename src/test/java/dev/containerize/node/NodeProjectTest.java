package dev.containerize.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeProjectTest {
  @TempDir Path dir;

  @Test
  void packageManagerFieldDecidesOverLockfiles() throws IOException {
    write("package.json", "{\"name\": \"a\", \"packageManager\": \"pnpm@10.3.0+sha512.abc\"}");
    write("package-lock.json", "{}");
    write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");

    NodeProject project = NodeProject.read(dir, null, 20);

    assertThat(project.packageManager()).isEqualTo(PackageManager.PNPM);
    assertThat(project.lockfile()).contains(dir.toRealPath().resolve("pnpm-lock.yaml"));
  }

  @Test
  void lockfileDecidesWhenNothingIsDeclared() throws IOException {
    write("package.json", "{}");
    write("yarn.lock", "# yarn lockfile v1\n");

    NodeProject project = NodeProject.read(dir, null, 20);

    assertThat(project.packageManager()).isEqualTo(PackageManager.YARN);
    assertThat(project.lockfile()).contains(dir.toRealPath().resolve("yarn.lock"));
  }

  @Test
  void npmShrinkwrapCountsAsTheNpmLockfile() throws IOException {
    write("package.json", "{}");
    write("npm-shrinkwrap.json", "{}");

    NodeProject project = NodeProject.read(dir, null, 20);

    assertThat(project.packageManager()).isEqualTo(PackageManager.NPM);
    assertThat(project.lockfile()).contains(dir.toRealPath().resolve("npm-shrinkwrap.json"));
  }

  @Test
  void npmIsTheDefaultWithoutLockfile() throws IOException {
    write("package.json", "{\"name\": \"a\"}");

    NodeProject project = NodeProject.read(dir, null, 20);

    assertThat(project.packageManager()).isEqualTo(PackageManager.NPM);
    assertThat(project.lockfile()).isEmpty();
    assertThat(project.displayName()).isEqualTo("a");
  }

  @Test
  void configuredManagerWinsOverEverythingAndIgnoresCase() throws IOException {
    write("package.json", "{\"packageManager\": \"pnpm@10.3.0\"}");
    write("pnpm-lock.yaml", "");

    NodeProject project = NodeProject.read(dir, " Yarn ", 20);

    assertThat(project.packageManager()).isEqualTo(PackageManager.YARN);
    assertThat(project.lockfile()).isEmpty();
  }

  @Test
  void unknownConfiguredManagerNamesTheParameter() throws IOException {
    write("package.json", "{}");

    assertThatThrownBy(() -> NodeProject.read(dir, "bun", 20))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("<node><packageManager>")
        .hasMessageContaining("-Dcontainer.node.packageManager")
        .hasMessageContaining("\"bun\"");
  }

  @Test
  void unknownDeclaredManagerNamesPackageJson() throws IOException {
    write("package.json", "{\"packageManager\": \"bun@1.1.0\"}");

    assertThatThrownBy(() -> NodeProject.read(dir, null, 20))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(dir.toRealPath().resolve("package.json").toString())
        .hasMessageContaining("\"bun@1.1.0\"");
  }

  @Test
  void requireLockfileNamesTheMissingFileAndTheCommandThatWritesIt() throws IOException {
    write("package.json", "{\"packageManager\": \"pnpm@10.3.0\"}");
    NodeProject project = NodeProject.read(dir, null, 20);

    assertThatThrownBy(project::requireLockfile)
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(dir.toRealPath().toString())
        .hasMessageContaining("has no pnpm-lock.yaml")
        .hasMessageContaining("`pnpm install`");
  }

  @Test
  void displayNameFallsBackToTheFolder() throws IOException {
    write("package.json", "{}");

    assertThat(NodeProject.read(dir, null, 20).displayName())
        .isEqualTo(dir.getFileName().toString());
  }

  @Test
  void frozenInstallCommandsPerManager() {
    assertThat(PackageManager.NPM.frozenInstall()).containsExactly("npm", "ci");
    assertThat(PackageManager.PNPM.frozenInstall())
        .containsExactly("pnpm", "install", "--frozen-lockfile");
    assertThat(PackageManager.YARN.runScript("build")).containsExactly("yarn", "run", "build");
  }

  @Test
  void folderWithoutPackageJsonHoldsNoApp() {
    assertThat(NodeProject.noAppReason(dir)).contains(dir + " has no package.json");
  }

  @Test
  void workspaceRootWithoutStartScriptMainOrEntryFileHoldsNoApp() throws IOException {
    write("package.json", "{\"workspaces\": [\"apps/*\"], \"scripts\": {\"build\": \"tsc\"}}");

    assertThat(NodeProject.noAppReason(dir))
        .contains(
            dir.resolve("package.json")
                + " only declares a workspace (no start script, main or entry file)");
  }

  @Test
  void workspaceRootWithAStartScriptMainOrEntryFileIsAnApp() throws IOException {
    write("package.json", "{\"workspaces\": [\"apps/*\"], \"scripts\": {\"start\": \"node a\"}}");
    assertThat(NodeProject.noAppReason(dir)).isEmpty();

    write("package.json", "{\"workspaces\": [\"apps/*\"], \"main\": \"lib/main.js\"}");
    assertThat(NodeProject.noAppReason(dir)).isEmpty();

    write("package.json", "{\"workspaces\": [\"apps/*\"]}");
    write("server.js", "");
    assertThat(NodeProject.noAppReason(dir)).isEmpty();
  }

  @Test
  void packageWithoutWorkspacesIsAnAppEvenWithoutStartScript() throws IOException {
    write("package.json", "{\"name\": \"lib\"}");

    assertThat(NodeProject.noAppReason(dir)).isEmpty();
  }

  @Test
  void memberInstallsAtTheWorkspaceRootAndAlwaysHasDependencies() throws IOException {
    write("package.json", "{\"workspaces\": [\"apps/*\"]}");
    Files.createDirectories(dir.resolve("apps/web"));
    write("apps/web/package.json", "{\"name\": \"web\"}");

    NodeProject member = NodeProject.read(dir.resolve("apps/web"), null, 20);

    assertThat(member.installRoot()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(member.hasDependencies()).isTrue();
  }

  @Test
  void standaloneProjectInstallsInItsFolderAndHasDependenciesWhenItDeclaresAny()
      throws IOException {
    write("package.json", "{\"name\": \"a\"}");
    NodeProject bare = NodeProject.read(dir, null, 20);
    write("package.json", "{\"devDependencies\": {\"typescript\": \"5\"}}");
    NodeProject devOnly = NodeProject.read(dir, null, 20);

    assertThat(bare.installRoot()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(bare.hasDependencies()).isFalse();
    assertThat(devOnly.hasDependencies()).isTrue();
  }

  @Test
  void optionalOrPeerDependenciesAloneAreDependenciesToInstall() throws IOException {
    write("package.json", "{\"optionalDependencies\": {\"fsevents\": \"2\"}}");
    NodeProject optionalOnly = NodeProject.read(dir, null, 20);
    write("package.json", "{\"peerDependencies\": {\"react\": \"18\"}}");
    NodeProject peerOnly = NodeProject.read(dir, null, 20);

    assertThat(optionalOnly.hasDependencies()).isTrue();
    assertThat(peerOnly.hasDependencies()).isTrue();
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }
}
