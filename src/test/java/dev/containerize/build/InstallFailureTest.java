package dev.containerize.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.ProjectException;
import dev.containerize.node.NodeProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages for failed installs, from output that npm 11 printed (the real installs run in
 * {@link NodeBuildTest} and in the integration test {@code bad-projects}).
 */
class InstallFailureTest {
  /** What `npm exec --package=pnpm@99.99.99` printed. */
  private static final List<String> NO_SUCH_PNPM =
      List.of(
          "npm error code ETARGET",
          "npm error notarget No matching version found for pnpm@99.99.99.",
          "npm error notarget In most cases you or one of your dependencies are requesting",
          "npm error notarget a package version that doesn't exist.",
          "npm error A complete log of this run can be found in: /root/.npm/_logs/x-debug-0.log");

  /** The first lines `npm ci` printed for a package.json that asks for a package the lock lacks. */
  private static final List<String> NPM_CI_OUT_OF_STEP =
      List.of(
          "npm error code EUSAGE",
          "npm error",
          "npm error `npm ci` can only install packages when your package.json and"
              + " package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock"
              + " file with `npm install` before continuing.",
          "npm error",
          "npm error Missing: ms@2.1.3 from lock file",
          "npm error",
          "npm error Clean install a project",
          "npm error",
          "npm error Usage:",
          "npm error npm ci",
          "npm error",
          "npm error Options:",
          "npm error [--install-strategy <hoisted|nested|shallow|linked>] [--legacy-bundling]");

  @TempDir Path dir;

  @Test
  void releaseTheRegistryDoesNotHaveNamesTheFieldTheFileAndAPublishedRelease() throws IOException {
    NodeProject project = pnpmProject("pnpm@99.99.99");
    ProcessRunner.Result result = new ProcessRunner.Result(1, NO_SUCH_PNPM, NO_SUCH_PNPM);

    ProjectException e = explain(project, fetched("pnpm@99.99.99", "pnpm"), result);

    assertThat(e.getMessage())
        .isEqualTo(
            "\"packageManager\" in "
                + dir.resolve("package.json")
                + " names pnpm@99.99.99, a release the npm registry does not have (npm: No"
                + " matching version found for pnpm@99.99.99). Name a published release there,"
                + " such as pnpm@10.34.9; `npm view pnpm versions` lists them.");
  }

  @Test
  void yarnBerryReleaseIsLookedUpAsItsCliPackage() throws IOException {
    Files.writeString(dir.resolve("package.json"), "{\"packageManager\": \"yarn@4.99.0\"}");
    Files.writeString(dir.resolve(".yarnrc.yml"), "nodeLinker: node-modules\n");
    Files.writeString(dir.resolve("yarn.lock"), "__metadata:\n  version: 8\n");
    List<String> output =
        List.of("npm error notarget No matching version found for @yarnpkg/cli-dist@4.99.0.");

    ProjectException e =
        explain(
            NodeProject.read(dir, null, 20),
            fetched("@yarnpkg/cli-dist@4.99.0", "yarn"),
            new ProcessRunner.Result(1, output, output));

    assertThat(e.getMessage())
        .contains(" names yarn@4.99.0, a release the npm registry does not have")
        .contains("such as yarn@4.18.1; `npm view @yarnpkg/cli-dist versions` lists them.");
  }

  @Test
  void otherFailureOfAFetchedReleaseShowsTheCommandAndItsLastLines() throws IOException {
    NodeProject project = pnpmProject("pnpm@10.0.0");
    List<String> output = List.of("npm error code ECONNRESET", "npm error network aborted");

    ProjectException e =
        explain(
            project, fetched("pnpm@10.0.0", "pnpm"), new ProcessRunner.Result(1, output, output));

    assertThat(e.getMessage())
        .startsWith(
            "`npm exec --yes --package=pnpm@10.0.0 -- pnpm install --frozen-lockfile` failed"
                + " with exit code 1 in "
                + dir)
        .contains("ran through `npm exec`")
        .endsWith("  npm error code ECONNRESET\n  npm error network aborted");
  }

  @Test
  void outOfStepLockfileShowsWhatDiffersButNotNpmsHelp() {
    assertThat(InstallFailure.beforeUsage(NPM_CI_OUT_OF_STEP))
        .isEqualTo(
            "  " + NPM_CI_OUT_OF_STEP.get(2) + "\n  npm error Missing: ms@2.1.3 from lock file");
  }

  @Test
  void outputWithoutUsageKeepsEveryLineThatSaysSomething() {
    List<String> pnpm =
        List.of(
            " ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with \"frozen-lockfile\" because"
                + " pnpm-lock.yaml is not up to date with package.json",
            "",
            "  Failure reason:",
            "  specifiers in the lockfile ({}) don't match specs in package.json ({\"ms\":\"2\"})");

    assertThat(InstallFailure.beforeUsage(pnpm))
        .isEqualTo("  " + pnpm.get(0) + "\n    Failure reason:\n  " + pnpm.get(3));
  }

  private NodeProject pnpmProject(String packageManager) throws IOException {
    Files.writeString(
        dir.resolve("package.json"), "{\"packageManager\": \"" + packageManager + "\"}");
    Files.writeString(dir.resolve("pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
    return NodeProject.read(dir, null, 20);
  }

  private static PackageManagerCommand fetched(String pkg, String command) {
    return new PackageManagerCommand(
        List.of("npm", "exec", "--yes", "--package=" + pkg, "--", command),
        pkg + ", run with npm exec",
        true);
  }

  private ProjectException explain(
      NodeProject project, PackageManagerCommand command, ProcessRunner.Result result) {
    List<String> install = command.with(project.release().frozenInstallArguments());
    return InstallFailure.explain(project, project.requireLockfile(), install, command, result);
  }
}
