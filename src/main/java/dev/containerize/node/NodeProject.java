package dev.containerize.node;

import dev.containerize.ProjectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A read-only model of a Node.js project: its manifest, package manager, lockfile and the Node.js
 * version it asks for.
 *
 * @param directory the folder that holds {@code package.json}
 * @param packageJson the parsed manifest
 * @param packageManager the package manager that installs it
 * @param lockfile the lockfile of that package manager, if there is one
 * @param nodeVersion the Node.js major version the image should carry
 */
public record NodeProject(
    Path directory,
    PackageJson packageJson,
    PackageManager packageManager,
    Optional<Path> lockfile,
    NodeVersion nodeVersion) {

  /**
   * Reads the project in {@code directory}.
   *
   * @param configuredManager the package manager named in the configuration, or null to detect it
   * @param buildMachineNodeMajor the major version of the Node.js that runs the build
   */
  public static NodeProject read(
      Path directory, String configuredManager, int buildMachineNodeMajor) {
    Path dir = directory.toAbsolutePath().normalize();
    PackageJson packageJson = PackageJson.read(dir.resolve("package.json"));
    PackageManager manager = detectManager(dir, packageJson, configuredManager);
    Optional<Path> lockfile =
        manager.lockfiles().stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    NodeVersion version = NodeVersion.choose(packageJson, dir, buildMachineNodeMajor);
    return new NodeProject(dir, packageJson, manager, lockfile, version);
  }

  private static PackageManager detectManager(
      Path dir, PackageJson packageJson, String configured) {
    if (configured != null && !configured.isBlank()) {
      return PackageManager.named(configured)
          .orElseThrow(
              () ->
                  new ProjectException(
                      "<node><packageManager> (-Dcontainer.node.packageManager) is \""
                          + configured
                          + "\", which is not a package manager the plugin knows. Use npm, pnpm"
                          + " or yarn, or leave it out to detect it from the lockfile."));
    }
    Optional<String> declared = packageJson.packageManager();
    if (declared.isPresent()) {
      String name = declared.get().split("@", 2)[0];
      return PackageManager.named(name)
          .orElseThrow(
              () ->
                  new ProjectException(
                      packageJson.file()
                          + ": \"packageManager\" names \""
                          + declared.get()
                          + "\", which the plugin cannot run. Name npm, pnpm or yarn there."));
    }
    for (PackageManager manager : PackageManager.values()) {
      for (String lockfile : manager.lockfiles()) {
        if (Files.isRegularFile(dir.resolve(lockfile))) {
          return manager;
        }
      }
    }
    return PackageManager.NPM;
  }

  /** The lockfile, or a clear error naming the file to create. */
  public Path requireLockfile() {
    return lockfile.orElseThrow(
        () ->
            new ProjectException(
                directory
                    + " has no "
                    + packageManager.lockfiles().get(0)
                    + ": a reproducible image needs a lockfile. Run `"
                    + packageManager.command()
                    + " install` in that folder and commit the lockfile it writes."));
  }

  /** A display name for the project, from {@code package.json} or the folder. */
  public String displayName() {
    return packageJson.name().orElse(directory.getFileName().toString());
  }
}
