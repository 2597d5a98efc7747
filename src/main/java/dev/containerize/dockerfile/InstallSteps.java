package dev.containerize.dockerfile;

import dev.containerize.image.IgnoreRules;
import dev.containerize.node.PackageManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The Dockerfile lines that depend on the package manager: what the installs copy, the frozen and
 * the production-only install, the build script, the registry settings secret and the clean-up that
 * leaves {@code node_modules} as the plugin's own layout has it.
 */
final class InstallSteps {
  /** Joins words that a wrapped command keeps on one line; rendered as a space. */
  static final char KEEP_TOGETHER = '\u00a0';

  private final PackageManager manager;

  private InstallSteps(PackageManager manager) {
    this.manager = manager;
  }

  /** The steps of {@code manager}, which {@link DockerfileRecipe#of} has checked. */
  static InstallSteps of(PackageManager manager) {
    if (manager != PackageManager.NPM) {
      throw new IllegalArgumentException("No Dockerfile steps for " + manager);
    }
    return new InstallSteps(manager);
  }

  /** The files the installs read, relative to the project folder. */
  List<String> manifests(String lockfile) {
    return List.of("package.json", lockfile);
  }

  /** The file of registry settings (and tokens) that the installs get as a build secret. */
  String settingsFile() {
    return ".npmrc";
  }

  /** The {@code RUN} option that mounts the settings file where the installs read it. */
  String settingsMount() {
    return "--mount=type=secret,id=npmrc,target=/root/.npmrc";
  }

  /** The command that installs exactly what the lockfile says. */
  String frozenInstall() {
    return String.join(" ", manager.frozenInstall());
  }

  /** The command that runs {@code script}. */
  String runScript(String script) {
    return String.join(" ", manager.runScript(script));
  }

  /**
   * The commands that install the production dependencies alone and then remove what the plugin
   * keeps out of {@code node_modules}: {@code .bin} folders of links, npm's own record of the
   * install, and files that may hold credentials. Words joined by {@link #KEEP_TOGETHER} stay on
   * one line when the command is wrapped.
   */
  List<String> productionInstall() {
    List<String> names = new ArrayList<>();
    names.add(together("-name", ".bin", "-type", "d"));
    for (String glob : IgnoreRules.credentialFileGlobs()) {
      names.add(together("-o", "-name", shellWord(glob.substring(glob.lastIndexOf('/') + 1))));
    }
    return List.of(
        "npm ci --omit=dev",
        "mkdir -p node_modules",
        "rm -f node_modules/.package-lock.json",
        "find node_modules \\( "
            + String.join(" ", names)
            + " \\) "
            + together("-prune", "-exec", "rm", "-rf", "{}", "+"));
  }

  private static String together(String... words) {
    return String.join(String.valueOf(KEEP_TOGETHER), words);
  }

  private static String shellWord(String word) {
    return word.matches("[A-Za-z0-9._/-]+") ? word : "'" + word + "'";
  }
}
