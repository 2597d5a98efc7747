package dev.containerize.dockerfile;

import dev.containerize.ProjectException;
import dev.containerize.build.NodeBuild;
import dev.containerize.node.NodeProject;
import dev.containerize.node.PackageManager;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a Dockerfile's build stages need to know about the project beyond the image plan.
 *
 * @param packageManager the package manager that installs the project
 * @param yarnBerry whether that is Yarn 2 or newer, whose commands and settings file differ
 * @param release the release of pnpm or Yarn the stages install (empty for npm, which the base
 *     image carries)
 * @param lockfile the lockfile's name in the project folder
 * @param installFiles the files the installs read, relative to the project folder: {@code
 *     package.json}, the lockfile and the package manager's own settings that may be committed
 * @param buildScript the script the build stage runs, if any
 * @param ownInstallScripts whether {@code package.json} has scripts that the install runs for the
 *     project itself ({@code postinstall}, {@code prepare}, ...), which need the project's files
 * @param npmrc whether the project has an {@code .npmrc}, given to the installs as a build secret
 * @param yarnrc whether the Yarn 1 project has a {@code .yarnrc}, given to them the same way
 * @param buildEnvironment the variables of {@code <node><buildEnvironment>}, for the build stage
 */
public record DockerfileRecipe(
    PackageManager packageManager,
    boolean yarnBerry,
    Optional<String> release,
    String lockfile,
    List<String> installFiles,
    Optional<String> buildScript,
    boolean ownInstallScripts,
    boolean npmrc,
    boolean yarnrc,
    Map<String, String> buildEnvironment) {

  /** The lifecycle scripts of the project itself that a frozen install runs. */
  private static final List<String> INSTALL_LIFECYCLE =
      List.of(
          "preinstall",
          "install",
          "postinstall",
          "prepublish",
          "preprepare",
          "prepare",
          "postprepare");

  /** The files besides the manifest and lockfile that pnpm's installs read, when present. */
  private static final List<String> PNPM_SETTINGS = List.of("pnpm-workspace.yaml", ".pnpmfile.cjs");

  /**
   * The recipe of {@code project}, built with {@code configuredBuildScript} (or the default), or a
   * clear error when the plugin cannot write a Dockerfile for it.
   */
  public static DockerfileRecipe of(NodeProject project, String configuredBuildScript) {
    return of(project, configuredBuildScript, Map.of(), Optional::empty);
  }

  /**
   * The recipe of {@code project}, whose build stage also gets {@code buildEnvironment}.
   *
   * @param localRelease the version of the package manager that builds the project here, asked only
   *     when {@code packageManager} in {@code package.json} names none
   */
  public static DockerfileRecipe of(
      NodeProject project,
      String configuredBuildScript,
      Map<String, String> buildEnvironment,
      Supplier<Optional<String>> localRelease) {
    checkSupported(project);
    String lockfile = project.requireLockfile().getFileName().toString();
    return new DockerfileRecipe(
        project.packageManager(),
        project.release().yarnBerry(),
        release(project, localRelease),
        lockfile,
        installFiles(project, lockfile),
        NodeBuild.buildScript(project, configuredBuildScript),
        INSTALL_LIFECYCLE.stream().anyMatch(s -> project.packageJson().script(s).isPresent()),
        Files.isRegularFile(project.directory().resolve(".npmrc")),
        project.packageManager() == PackageManager.YARN
            && !project.release().yarnBerry()
            && Files.isRegularFile(project.directory().resolve(".yarnrc")),
        new TreeMap<>(buildEnvironment));
  }

  /**
   * The release of pnpm or Yarn to install in the stages: the one {@code packageManager} names,
   * else the one that builds the project here.
   */
  private static Optional<String> release(
      NodeProject project, Supplier<Optional<String>> localRelease) {
    PackageManager manager = project.packageManager();
    if (manager == PackageManager.NPM) {
      return Optional.empty();
    }
    String version =
        project
            .release()
            .version()
            .or(localRelease)
            .orElseThrow(
                () ->
                    new ProjectException(
                        project.directory().resolve("package.json")
                            + " names no release of "
                            + manager.command()
                            + " in \"packageManager\", and `"
                            + manager.command()
                            + " --version` answered nothing here, so the Dockerfile cannot"
                            + " install the release that builds the project. Add"
                            + " \"packageManager\": \""
                            + manager.command()
                            + "@VERSION\" to package.json."));
    if (project.release().yarnBerry() && !version.matches("([4-9]|\\d{2,})\\..*")) {
      throw new ProjectException(
          project.directory()
              + " is installed with Yarn "
              + version
              + ", whose production-only install (`yarn workspaces focus --production`) is a"
              + " plugin before Yarn 4, so container:generate-dockerfile cannot write its"
              + " Dockerfile. Move to Yarn 4 (`yarn set version 4`), or build the image with"
              + " container:build.");
    }
    return Optional.of(version);
  }

  private static List<String> installFiles(NodeProject project, String lockfile) {
    List<String> files = new ArrayList<>(List.of("package.json", lockfile));
    if (project.packageManager() == PackageManager.PNPM) {
      PNPM_SETTINGS.stream()
          .filter(f -> Files.isRegularFile(project.directory().resolve(f)))
          .forEach(files::add);
    }
    return List.copyOf(files);
  }

  private static void checkSupported(NodeProject project) {
    if (!project.installRoot().equals(project.directory())) {
      // TODO(#4): Dockerfiles for workspace members, built from the workspace root.
      throw new ProjectException(
          project.directory()
              + " is a member of the workspace "
              + project.installRoot()
              + ", for which container:generate-dockerfile cannot write a Dockerfile yet. Build"
              + " its image with container:build (or build-tar).");
    }
  }

  /**
   * Whether the value of the build variable {@code name} may be written into the Dockerfile: {@code
   * NEXT_PUBLIC_*} values, which Next.js inlines into the pages the browser downloads, are public
   * by definition; any other may be a token, so it is declared without its value.
   */
  static boolean writesValueOf(String name) {
    return name.startsWith("NEXT_PUBLIC_");
  }

  /** The build variables whose values the {@code docker build} command must pass. */
  List<String> buildArgumentsToPass() {
    return buildEnvironment.keySet().stream().filter(n -> !writesValueOf(n)).toList();
  }

  /** Whether the image needs a build stage: a build script, or install scripts that make files. */
  boolean builds() {
    return buildScript.isPresent() || ownInstallScripts;
  }
}
