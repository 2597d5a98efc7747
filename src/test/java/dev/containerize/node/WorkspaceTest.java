package dev.containerize.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.testing.InstalledPackages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path temp;
  private Path dir;
  private InstalledPackages files;

  @BeforeEach
  void realFolder() {
    files = new InstalledPackages(temp);
    dir = files.root();
  }

  @Test
  void starMatchesOneFolderName() {
    Workspace workspace = workspace("apps/*");

    assertThat(workspace.isMember("apps/web")).isTrue();
    assertThat(workspace.isMember("apps/web/nested")).isFalse();
    assertThat(workspace.isMember("apps")).isFalse();
    assertThat(workspace.isMember("libs/web")).isFalse();
  }

  @Test
  void doubleStarMatchesAnyDepth() {
    Workspace workspace = workspace("packages/**", "**/tool-*");

    assertThat(workspace.isMember("packages/a")).isTrue();
    assertThat(workspace.isMember("packages/a/b/c")).isTrue();
    assertThat(workspace.isMember("tool-x")).isTrue();
    assertThat(workspace.isMember("deep/er/tool-y")).isTrue();
    assertThat(workspace.isMember("other/a")).isFalse();
  }

  @Test
  void exclusionRemovesWhatAnEarlierPatternMatched() {
    Workspace workspace = workspace("packages/*", "!packages/legacy");

    assertThat(workspace.isMember("packages/a")).isTrue();
    assertThat(workspace.isMember("packages/legacy")).isFalse();
  }

  @Test
  void dotSlashPrefixAndTrailingSlashAreIgnored() {
    Workspace workspace = workspace("./apps/*", "./libs/core/", "!./apps/old");

    assertThat(workspace.isMember("apps/web")).isTrue();
    assertThat(workspace.isMember("libs/core")).isTrue();
    assertThat(workspace.isMember("apps/old")).isFalse();
  }

  @Test
  void membersAreMatchingFoldersWithPackageJsonOutsideNodeModules() {
    files.write("package.json", "{\"workspaces\": [\"packages/*\", \"tools/**\"]}");
    files.write("packages/a/package.json", "{}");
    files.write("packages/b/README.md", "no manifest");
    files.write("packages/c/package.json", "{}");
    files.write("packages/c/node_modules/dep/package.json", "{}");
    files.write("tools/x/package.json", "{}");
    files.write("tools/x/node_modules/y/package.json", "{}");
    files.write("tools/.cache/z/package.json", "{}");
    files.write("other/package.json", "{}");

    Workspace workspace = Workspace.declaredAt(dir).orElseThrow();

    assertThat(workspace.members())
        .containsExactly(
            dir.resolve("packages/a"), dir.resolve("packages/c"), dir.resolve("tools/x"));
  }

  @Test
  void memberOfAnNpmWorkspacesArrayFindsTheRoot() {
    files.write("package.json", "{\"name\": \"mono\", \"workspaces\": [\"apps/*\"]}");
    files.write("apps/web/package.json", "{\"name\": \"web\"}");

    Workspace workspace = Workspace.enclosing(dir.resolve("apps/web")).orElseThrow();

    assertThat(workspace.root()).isEqualTo(dir);
    assertThat(workspace.declaredIn()).isEqualTo(dir.resolve("package.json"));
    assertThat(workspace.patterns()).containsExactly("apps/*");
  }

  @Test
  void memberOfAYarnClassicWorkspacesPackagesObjectFindsTheRoot() {
    files.write(
        "package.json",
        "{\"private\": true, \"workspaces\":"
            + " {\"packages\": [\"packages/*\"], \"nohoist\": [\"**/react-native\"]}}");
    files.write("packages/ui/package.json", "{\"name\": \"ui\"}");

    Workspace workspace = Workspace.enclosing(dir.resolve("packages/ui")).orElseThrow();

    assertThat(workspace.root()).isEqualTo(dir);
    assertThat(workspace.patterns()).containsExactly("packages/*");
  }

  @Test
  void pnpmWorkspaceYamlIsReadWithQuotesAndComments() {
    files.write("package.json", "{\"name\": \"mono\"}");
    files.write(
        "pnpm-workspace.yaml",
        """
        # the members of the monorepo
        packages:
          # deployed apps
          - 'apps/*'   # one per folder
          - "libs/**"
          - tools/cli
          - '!**/test/**'
        catalog:
          react: ^18.3.1
        onlyBuiltDependencies:
          - esbuild
        """);
    files.write("apps/web/package.json", "{\"name\": \"web\"}");

    Workspace workspace = Workspace.enclosing(dir.resolve("apps/web")).orElseThrow();

    assertThat(workspace.declaredIn()).isEqualTo(dir.resolve("pnpm-workspace.yaml"));
    assertThat(workspace.patterns())
        .containsExactly("apps/*", "libs/**", "tools/cli", "!**/test/**");
    assertThat(workspace.isMember("libs/core/test/fixture")).isFalse();
  }

  @Test
  void pnpmPackagesMayBeListedWithoutIndentation() {
    files.write("pnpm-workspace.yaml", "packages:\n- apps/*\n- \"!apps/old\"\n");

    assertThat(Workspace.pnpmPackages(dir.resolve("pnpm-workspace.yaml")))
        .containsExactly("apps/*", "!apps/old");
  }

  @Test
  void folderUnderTheRootThatIsNoMemberIsNotInTheWorkspace() {
    files.write("package.json", "{\"workspaces\": [\"apps/*\"]}");
    files.write("scripts/tool/package.json", "{\"name\": \"tool\"}");
    files.write("apps/web/e2e/package.json", "{\"name\": \"e2e\"}");

    assertThat(Workspace.enclosing(dir.resolve("scripts/tool"))).isEmpty();
    assertThat(Workspace.enclosing(dir.resolve("apps/web/e2e"))).isEmpty();
  }

  @Test
  void rootIsInItsOwnWorkspace() {
    files.write("package.json", "{\"workspaces\": [\"apps/*\"]}");

    assertThat(Workspace.enclosing(dir)).map(Workspace::root).contains(dir);
  }

  @Test
  void packageJsonWithoutWorkspacesDeclaresNone() {
    files.write("package.json", "{\"name\": \"solo\"}");

    assertThat(Workspace.declaredAt(dir)).isEmpty();
    assertThat(Workspace.enclosing(dir)).isEmpty();
  }

  private Workspace workspace(String... patterns) {
    return new Workspace(dir, dir.resolve("package.json"), List.of(patterns));
  }
}
