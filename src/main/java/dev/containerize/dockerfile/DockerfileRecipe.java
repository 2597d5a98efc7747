package dev.containerize.dockerfile;

import dev.containerize.ProjectException;
import dev.containerize.build.NodeBuild;
import dev.containerize.node.NodeProject;
import dev.containerize.node.PackageManager;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a Dockerfile's build stages need to know about the project beyond the image plan.
 *
 * @param packageManager the package manager that installs the project
 * @param lockfile the lockfile's name in the project folder
 * @param buildScript the script the build stage runs, if any
 * @param ownInstallScripts whether {@code package.json} has scripts that the install runs for the
 *     project itself ({@code postinstall}, {@code prepare}, ...), which need the project's files
 * @param npmrc whether the project has an {@code .npmrc}, given to the installs as a build secret
 * @param buildEnvironment the variables of {@code <node><buildEnvironment>}, for the build stage
 */
public record DockerfileRecipe(
    PackageManager packageManager,
    String lockfile,
    Optional<String> buildScript,
    boolean ownInstallScripts,
    boolean npmrc,
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

  /**
   * The recipe of {@code project}, built with {@code configuredBuildScript} (or the default), or a
   * clear error when the plugin cannot write a Dockerfile for it.
   */
  public static DockerfileRecipe of(NodeProject project, String configuredBuildScript) {
    return of(project, configuredBuildScript, Map.of());
  }

  /** The recipe of {@code project}, whose build stage also gets {@code buildEnvironment}. */
  public static DockerfileRecipe of(
      NodeProject project, String configuredBuildScript, Map<String, String> buildEnvironment) {
    checkSupported(project);
    return new DockerfileRecipe(
        project.packageManager(),
        project.requireLockfile().getFileName().toString(),
        NodeBuild.buildScript(project, configuredBuildScript),
        INSTALL_LIFECYCLE.stream().anyMatch(s -> project.packageJson().script(s).isPresent()),
        Files.isRegularFile(project.directory().resolve(".npmrc")),
        new TreeMap<>(buildEnvironment));
  }

  private static void checkSupported(NodeProject project) {
    if (project.packageManager() != PackageManager.NPM) {
      // TODO(#4): Dockerfiles for pnpm and Yarn projects.
      throw new ProjectException(
          project.directory()
              + " is installed with "
              + project.packageManager().command()
              + ", for which container:generate-dockerfile cannot write a Dockerfile yet. Build"
              + " its image with container:build (or build-tar), or use npm.");
    }
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
