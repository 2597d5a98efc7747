package dev.containerize.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import dev.containerize.node.NodeProject;
import dev.containerize.testing.InstalledPackages;
import dev.containerize.testing.RecordingLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asks the real npm and node on the PATH for their versions; nothing is fetched. */
class PackageManagerCommandTest {
  private static final String YARN_RELEASE = ".yarn/releases/yarn-4.5.1.cjs";

  @TempDir Path temp;
  private Path dir;
  private InstalledPackages files;
  private final RecordingLog log = new RecordingLog();
  private final ProcessRunner runner = new ProcessRunner(log, Map.of());

  @BeforeEach
  void realFolder() {
    files = new InstalledPackages(temp);
    dir = files.root();
  }

  @Test
  void withoutVersionThePathCommandIsUsedWithoutAskingIt() {
    files.write("package.json", "{}");
    files.write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");

    PackageManagerCommand command = resolve();

    assertThat(command.prefix()).containsExactly("pnpm");
    assertThat(command.fetched()).isFalse();
    assertThat(command.description())
        .isEqualTo("pnpm from the PATH (" + dir.resolve("pnpm-lock.yaml") + ")");
    assertThat(log.lines()).isEmpty();
    assertThat(command.with(List.of("install"))).containsExactly("pnpm", "install");
  }

  @Test
  void releaseOnThePathIsUsedDirectly() {
    String npm = runner.firstLine(List.of("npm", "--version"), dir).orElseThrow();
    files.write("package.json", "{\"packageManager\": \"npm@" + npm + "\"}");

    PackageManagerCommand command = resolve();

    assertThat(command.prefix()).containsExactly("npm");
    assertThat(command.fetched()).isFalse();
    assertThat(command.description()).startsWith("npm " + npm + " from the PATH (");
  }

  @Test
  void otherReleaseIsFetchedWithNpmExec() {
    String npm = runner.firstLine(List.of("npm", "--version"), dir).orElseThrow();
    files.write("package.json", "{\"packageManager\": \"npm@1.2.3\"}");

    PackageManagerCommand command = resolve();

    assertThat(command.prefix())
        .containsExactly("npm", "exec", "--yes", "--package=npm@1.2.3", "--", "npm");
    assertThat(command.fetched()).isTrue();
    assertThat(command.description())
        .startsWith("npm 1.2.3 (\"packageManager\" in ")
        .endsWith("run with npm exec since the PATH has npm " + npm);
  }

  @Test
  void yarnBerryIsFetchedAsTheCliDistPackage() {
    files.write("package.json", "{\"packageManager\": \"yarn@4.99.0\"}");
    files.write(".yarnrc.yml", "nodeLinker: node-modules\n");

    PackageManagerCommand command = resolve();

    assertThat(command.prefix())
        .containsExactly(
            "npm", "exec", "--yes", "--package=@yarnpkg/cli-dist@4.99.0", "--", "yarn");
    assertThat(command.fetched()).isTrue();
  }

  @Test
  void committedYarnReleaseRunsWithNode() {
    writeBerryWithCommittedRelease("4.5.1");

    PackageManagerCommand command = resolve();

    assertThat(command.prefix()).containsExactly("node", dir.resolve(YARN_RELEASE).toString());
    assertThat(command.fetched()).isFalse();
    assertThat(command.description())
        .isEqualTo("yarn 4.5.1 committed at " + dir.resolve(YARN_RELEASE));
  }

  @Test
  void committedYarnReleaseWithoutPackageManagerFieldRunsUnchecked() {
    writeBerryWithCommittedRelease("4.5.1");
    files.write("package.json", "{}");
    files.write("yarn.lock", "__metadata:\n  version: 8\n");

    PackageManagerCommand command = resolve();

    assertThat(command.prefix()).containsExactly("node", dir.resolve(YARN_RELEASE).toString());
    assertThat(command.description()).isEqualTo("yarn committed at " + dir.resolve(YARN_RELEASE));
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void committedYarnReleaseOfAnotherVersionIsRefused() {
    writeBerryWithCommittedRelease("4.4.0");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("names yarn@4.5.1")
        .hasMessageContaining(dir.resolve(YARN_RELEASE) + " is 4.4.0")
        .hasMessageContaining("Run `yarn set version 4.5.1`");
  }

  @Test
  void missingCommittedYarnReleaseIsRefused() {
    files.write("package.json", "{\"packageManager\": \"yarn@4.5.1\"}");
    files.write(".yarnrc.yml", "nodeLinker: node-modules\nyarnPath: " + YARN_RELEASE + "\n");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(
            dir.resolve(".yarnrc.yml") + " sets yarnPath to " + dir.resolve(YARN_RELEASE))
        .hasMessageContaining("does not exist")
        .hasMessageContaining("`yarn set version 4.5.1`");
  }

  private void writeBerryWithCommittedRelease(String printedVersion) {
    files.write("package.json", "{\"packageManager\": \"yarn@4.5.1\"}");
    files.write(".yarnrc.yml", "nodeLinker: node-modules\nyarnPath: " + YARN_RELEASE + "\n");
    files.write(YARN_RELEASE, "console.log('" + printedVersion + "')\n");
  }

  private PackageManagerCommand resolve() {
    return PackageManagerCommand.resolve(NodeProject.read(dir, null, 20), runner);
  }
}
