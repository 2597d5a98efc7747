package dev.containerize.build;

import dev.containerize.ProjectException;
import dev.containerize.node.NodeProject;
import dev.containerize.node.PackageManagerRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command that runs the release of the package manager a project asks for: the Yarn release
 * committed under {@code yarnPath}, the one on the PATH when it is that release (or none is named),
 * else that release fetched from the npm registry with {@code npm exec}.
 *
 * @param prefix the words before the package manager's own arguments
 * @param description how the release was chosen, for the log
 * @param fetched whether the release is fetched with {@code npm exec}
 */
public record PackageManagerCommand(List<String> prefix, String description, boolean fetched) {

  /** Chooses the command for {@code project}, asking {@code runner} for versions on the PATH. */
  public static PackageManagerCommand resolve(NodeProject project, ProcessRunner runner) {
    PackageManagerRelease release = project.release();
    String command = project.packageManager().command();
    Path root = project.installRoot();
    Optional<Path> committed = release.committedRelease(root);
    if (committed.isPresent()) {
      return committedYarn(release, committed.get(), runner, root);
    }
    if (release.version().isEmpty()) {
      return new PackageManagerCommand(
          List.of(command), command + " from the PATH (" + release.source() + ")", false);
    }
    String wanted = release.version().get();
    Optional<String> onPath = runner.firstLine(List.of(command, "--version"), root);
    if (onPath.filter(wanted::equals).isPresent()) {
      return new PackageManagerCommand(
          List.of(command),
          release.describe() + " from the PATH (" + release.source() + ")",
          false);
    }
    String pkg = release.npmPackage() + "@" + wanted;
    return new PackageManagerCommand(
        List.of("npm", "exec", "--yes", "--package=" + pkg, "--", command),
        release.describe()
            + " ("
            + release.source()
            + "), run with npm exec since the PATH has "
            + onPath.map(v -> command + " " + v).orElse("no " + command),
        true);
  }

  private static PackageManagerCommand committedYarn(
      PackageManagerRelease release, Path file, ProcessRunner runner, Path root) {
    if (!Files.isRegularFile(file)) {
      throw new ProjectException(
          root.resolve(".yarnrc.yml")
              + " sets yarnPath to "
              + file
              + ", which does not exist. Commit that file, or run `yarn set version "
              + release.version().orElse("stable")
              + "` to write it.");
    }
    List<String> prefix = List.of("node", file.toString());
    if (release.version().isPresent()) {
      List<String> version = new ArrayList<>(prefix);
      version.add("--version");
      Optional<String> actual = runner.firstLine(version, root);
      if (actual.filter(release.version().get()::equals).isEmpty()) {
        throw new ProjectException(
            release.source()
                + " names yarn@"
                + release.version().get()
                + ", but the release committed at "
                + file
                + " is "
                + actual.orElse("not runnable")
                + ". Run `yarn set version "
                + release.version().get()
                + "` and commit the result, so that both name the same release.");
      }
    }
    return new PackageManagerCommand(prefix, release.describe() + " committed at " + file, false);
  }

  /** The full command for the package manager's {@code arguments}. */
  public List<String> with(List<String> arguments) {
    List<String> full = new ArrayList<>(prefix);
    full.addAll(arguments);
    return full;
  }
}
