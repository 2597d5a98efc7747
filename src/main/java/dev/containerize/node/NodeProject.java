package dev.containerize.node;

import dev.containerize.ProjectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A read-only model of a Node.js project: its manifest, the workspace it belongs to, its package
 * manager, lockfile and the Node.js version it asks for.
 *
 * @param directory the folder that holds {@code package.json}
 * @param packageJson the parsed manifest
 * @param packageManager the package manager that installs it
 * @param release the release of that package manager the project asks for
 * @param workspace the workspace the project is the root or a member of, if any
 * @param lockfile the lockfile of that package manager, if there is one
 * @param nodeVersion the Node.js major version the image should carry
 */
public record NodeProject(
    Path directory,
    PackageJson packageJson,
    PackageManager packageManager,
    PackageManagerRelease release,
    Optional<Workspace> workspace,
    Optional<Path> lockfile,
    NodeVersion nodeVersion) {

  /**
   * Reads the project in {@code directory}, and the workspace around it if there is one.
   *
   * @param configuredManager the package manager named in the configuration, or null to detect it
   * @param buildMachineNodeMajor the major version of the Node.js that runs the build
   */
  public static NodeProject read(
      Path directory, String configuredManager, int buildMachineNodeMajor) {
    Path dir = directory.toAbsolutePath().normalize();
    PackageJson packageJson = PackageJson.read(dir.resolve("package.json"));
    Optional<Workspace> workspace = Workspace.enclosing(dir);
    Path root = workspace.map(Workspace::root).orElse(dir);
    PackageManagerRelease release =
        PackageManagerRelease.detect(dir, packageJson, root, configuredManager);
    PackageManager manager = release.manager();
    Optional<Path> lockfile =
        manager.lockfiles().stream().map(root::resolve).filter(Files::isRegularFile).findFirst();
    NodeVersion version = NodeVersion.choose(packageJson, dir, buildMachineNodeMajor);
    return new NodeProject(dir, packageJson, manager, release, workspace, lockfile, version);
  }

  /**
   * Why {@code directory} holds no app to containerize, if it holds none: no {@code package.json},
   * or one that only declares a workspace (no start script, no {@code main}, no entry file).
   */
  public static Optional<String> noAppReason(Path directory) {
    Path manifest = directory.resolve("package.json");
    if (!Files.isRegularFile(manifest)) {
      return Optional.of(directory + " has no package.json");
    }
    if (Workspace.declaredAt(directory).isEmpty()) {
      return Optional.empty();
    }
    PackageJson packageJson = PackageJson.read(manifest);
    boolean startable =
        packageJson.script("start").isPresent()
            || packageJson.main().isPresent()
            || StartCommand.CONVENTIONAL_ENTRIES.stream()
                .anyMatch(f -> Files.isRegularFile(directory.resolve(f)));
    return startable
        ? Optional.empty()
        : Optional.of(
            manifest + " only declares a workspace (no start script, main or entry file)");
  }

  /** The folder the package manager installs in: the workspace root, else the project folder. */
  public Path installRoot() {
    return workspace.map(Workspace::root).orElse(directory);
  }

  /** The lockfile, or a clear error naming the file to create. */
  public Path requireLockfile() {
    return lockfile.orElseThrow(
        () ->
            new ProjectException(
                installRoot()
                    + " has no "
                    + packageManager.lockfiles().get(0)
                    + ": a reproducible image needs a lockfile. Run `"
                    + packageManager.command()
                    + " install` in that folder and commit the lockfile it writes."));
  }

  /** Whether anything in the project or its workspace has dependencies to install. */
  public boolean hasDependencies() {
    if (workspace.isPresent()) {
      return true;
    }
    return !packageJson.dependencies().isEmpty()
        || !packageJson.devDependencies().isEmpty()
        || !packageJson.optionalDependencies().isEmpty()
        || !packageJson.peerDependencies().isEmpty();
  }

  /** A display name for the project, from {@code package.json} or the folder. */
  public String displayName() {
    return packageJson.name().orElse(directory.getFileName().toString());
  }
}
