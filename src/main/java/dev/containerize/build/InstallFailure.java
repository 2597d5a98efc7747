package dev.containerize.build;

import dev.containerize.ProjectException;
import dev.containerize.node.NodeProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says why a frozen install failed: a lockfile out of step with the manifests, a package manager
 * release the npm registry does not have, or else the command's exit code and last lines.
 */
final class InstallFailure {
  private static final List<String> OUT_OF_STEP_MARKS =
      List.of(
          "in sync",
          "frozen-lockfile",
          "lockfile needs to be updated",
          "ERR_PNPM_OUTDATED_LOCKFILE");

  /** What npm prints when a package has no release of the version asked for. */
  private static final String NO_SUCH_VERSION = "No matching version found for ";

  /** The prefixes npm 7+ and npm 6 put in front of each line of an error. */
  private static final String NPM_ERROR_PREFIX = "^npm (error|ERR!)\\s?";

  private InstallFailure() {}

  /**
   * The exception that reports the failed {@code command}, run by {@code manager} for {@code
   * project} with {@code result}.
   */
  static ProjectException explain(
      NodeProject project,
      Path lockfile,
      List<String> command,
      PackageManagerCommand manager,
      ProcessRunner.Result result) {
    String output = result.headText() + "\n" + result.tailText();
    Optional<String> missingRelease = missingRelease(project, manager, output);
    if (missingRelease.isPresent()) {
      return new ProjectException(missingRelease.get());
    }
    if (OUT_OF_STEP_MARKS.stream().anyMatch(output::contains)) {
      return new ProjectException(outOfStep(project, lockfile) + "\n" + beforeUsage(result.head()));
    }
    return new ProjectException(commandFailed(project, command, manager, result));
  }

  private static String commandFailed(
      NodeProject project,
      List<String> command,
      PackageManagerCommand manager,
      ProcessRunner.Result result) {
    String fetched =
        " The project asks for "
            + project.release().describe()
            + ", which is not on the PATH, so it ran through `npm exec`; if it cannot be"
            + " fetched, install that release on the PATH.";
    return "`"
        + String.join(" ", command)
        + "` failed with exit code "
        + result.exitCode()
        + " in "
        + project.installRoot()
        + ". Its last lines are below; run it there by hand to see the whole output."
        + (manager.fetched() ? fetched : "")
        + "\n"
        + result.tailText();
  }

  private static String outOfStep(NodeProject project, Path lockfile) {
    boolean workspace = project.workspace().isPresent();
    return lockfile
        + " is out of step with "
        + (workspace
            ? "the package.json files of the workspace " + project.installRoot()
            : project.packageJson().file())
        + ". Run `"
        + project.packageManager().command()
        + " install`"
        + (workspace ? " in " + project.installRoot() : "")
        + " and commit the updated lockfile.";
  }

  /**
   * The message for a {@code packageManager} field that names a release npm cannot find, when
   * {@code output} says so.
   */
  private static Optional<String> missingRelease(
      NodeProject project, PackageManagerCommand manager, String output) {
    String version = project.release().version().orElse("");
    String wanted = project.release().npmPackage() + "@" + version;
    if (!manager.fetched() || !output.contains(NO_SUCH_VERSION + wanted)) {
      return Optional.empty();
    }
    String declared = project.packageManager().command() + "@" + version;
    return Optional.of(
        "\"packageManager\" in "
            + releaseDeclaredIn(project)
            + " names "
            + declared
            + ", a release the npm registry does not have (npm: "
            + NO_SUCH_VERSION
            + wanted
            + "). Name a published release there, such as "
            + project.packageManager().command()
            + "@"
            + project.release().exampleVersion()
            + "; `npm view "
            + project.release().npmPackage()
            + " versions` lists them.");
  }

  /** The {@code package.json} whose {@code packageManager} field names the release. */
  private static Path releaseDeclaredIn(NodeProject project) {
    return project.packageJson().packageManager().isPresent()
        ? project.packageJson().file()
        : project.installRoot().resolve("package.json");
  }

  /**
   * The lines of {@code head} that say what is wrong, indented: npm follows a usage error with the
   * command's description and its whole help, which say nothing about this project.
   */
  static String beforeUsage(List<String> head) {
    List<String> lines = new ArrayList<>();
    int paragraphStart = 0;
    boolean afterBlank = true;
    for (String line : head) {
      String text = line.replaceFirst(NPM_ERROR_PREFIX, "").strip();
      if (text.equals("Usage:")) {
        // The paragraph before "Usage:" is the command's description.
        lines = lines.subList(0, paragraphStart);
        break;
      }
      if (text.isEmpty()) {
        afterBlank = true;
        continue;
      }
      if (afterBlank) {
        paragraphStart = lines.size();
        afterBlank = false;
      }
      if (!text.matches("code E[A-Z]+")) {
        lines.add(line);
      }
    }
    return ProcessRunner.Result.indented(lines);
  }
}
