package dev.containerize.dockerfile;

import dev.containerize.image.IgnoreRules;
import dev.containerize.node.PackageManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Dockerfile lines that depend on the package manager: the release the stages install, what the
 * installs copy, the frozen and the production-only install, the build script, the registry
 * settings secrets and the clean-up that leaves {@code node_modules} as the plugin's own layout has
 * it: real folders of production packages only, no links.
 */
final class InstallSteps {
  /** Joins words that a wrapped command keeps on one line; rendered as a space. */
  static final char KEEP_TOGETHER = '\u00a0';

  private final DockerfileRecipe recipe;
  private final PackageManager manager;

  private InstallSteps(DockerfileRecipe recipe) {
    this.recipe = recipe;
    this.manager = recipe.packageManager();
  }

  /** The steps of {@code recipe}, which {@link DockerfileRecipe#of} has checked. */
  static InstallSteps of(DockerfileRecipe recipe) {
    return new InstallSteps(recipe);
  }

  /**
   * The command that installs the release of pnpm or Yarn the project names, if the base image
   * needs one; {@code --force} replaces the Yarn 1 that the official Node.js images carry.
   */
  Optional<String> setup() {
    return recipe
        .release()
        .map(
            version ->
                switch (manager) {
                  case NPM -> throw new IllegalStateException("npm comes with the base image");
                  case PNPM -> "npm install --global pnpm@" + version;
                  case YARN ->
                      "npm install --global --force "
                          + (recipe.yarnBerry() ? "@yarnpkg/cli-dist@" : "yarn@")
                          + version;
                });
  }

  /**
   * The variables the stages that run Yarn 2+ set: the linker that leaves a {@code node_modules}
   * folder (the {@code .yarnrc.yml} that also says so is a secret), and no {@code yarnPath}
   * release, since the stage installed the release named in {@code packageManager}.
   */
  Map<String, String> environment() {
    Map<String, String> environment = new TreeMap<>();
    if (recipe.yarnBerry()) {
      environment.put("YARN_IGNORE_PATH", "1");
      environment.put("YARN_NODE_LINKER", "node-modules");
    }
    return environment;
  }

  /** The files the installs read, relative to the project folder. */
  List<String> manifests() {
    return recipe.installFiles();
  }

  /** The {@code --secret} options of the build command, one per settings file the project has. */
  List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    if (recipe.npmrc()) {
      secrets.add("id=npmrc,src=.npmrc");
    }
    if (recipe.yarnBerry()) {
      secrets.add("id=yarnrc,src=.yarnrc.yml");
    }
    if (recipe.yarnrc()) {
      secrets.add("id=yarnrc,src=.yarnrc");
    }
    return secrets;
  }

  /** The {@code RUN} option that mounts the {@code .npmrc}, if any, where npm reads it. */
  List<String> setupMounts() {
    return recipe.npmrc() ? List.of("--mount=type=secret,id=npmrc,target=/root/.npmrc") : List.of();
  }

  /**
   * The {@code RUN} options that mount the package manager's settings files where it reads them: in
   * the home folder, never in the project folder whose files the image copies. Yarn 2+ reads its
   * {@code .yarnrc.yml} and no {@code .npmrc}; npm, pnpm and Yarn 1 read the {@code .npmrc}, Yarn 1
   * also its {@code .yarnrc}.
   */
  List<String> installMounts() {
    if (recipe.yarnBerry()) {
      return List.of("--mount=type=secret,id=yarnrc,target=/root/.yarnrc.yml");
    }
    List<String> mounts = new ArrayList<>(setupMounts());
    if (recipe.yarnrc()) {
      mounts.add("--mount=type=secret,id=yarnrc,target=/root/.yarnrc");
    }
    return mounts;
  }

  /** The command that installs exactly what the lockfile says. */
  String frozenInstall() {
    return recipe.yarnBerry()
        ? "yarn install --immutable"
        : String.join(" ", manager.frozenInstall());
  }

  /** The command that runs {@code script}. */
  String runScript(String script) {
    return String.join(" ", manager.runScript(script));
  }

  /** What the package manager leaves in the project folder besides {@code node_modules}. */
  List<String> projectLeftovers() {
    return recipe.yarnBerry() ? List.of(".yarn") : List.of();
  }

  /**
   * The commands that install the production dependencies alone, as real folders without links, and
   * then remove what the plugin keeps out of {@code node_modules}: {@code .bin} folders of links,
   * the package manager's records of the install (the dot entries at the top of {@code
   * node_modules}; no package is named so) and files that may hold credentials. Words joined by
   * {@link #KEEP_TOGETHER} stay on one line when the command is wrapped.
   */
  List<String> productionInstall() {
    List<String> names = new ArrayList<>();
    names.add(together("-name", ".bin", "-type", "d"));
    for (String glob : IgnoreRules.credentialFileGlobs()) {
      String path = glob.substring("**/".length());
      names.add(
          path.contains("/")
              ? together("-o", "-path", shellWord("*/" + path))
              : together("-o", "-name", shellWord(path)));
    }
    List<String> commands = new ArrayList<>(productionOnly());
    commands.add("mkdir -p node_modules");
    commands.add("rm -rf node_modules/.[!.]*");
    commands.add(
        "find node_modules \\( "
            + String.join(" ", names)
            + " \\) "
            + together("-prune", "-exec", "rm", "-rf", "{}", "+"));
    return commands;
  }

  /**
   * The frozen install of the production dependencies as a tree of folders: npm's own layout;
   * pnpm's hoisted linker instead of links into its store; Yarn 2+ checks the lockfile with an
   * install that builds nothing, then keeps the production dependencies alone.
   */
  private List<String> productionOnly() {
    return switch (manager) {
      case NPM -> List.of("npm ci --omit=dev");
      case PNPM -> List.of("pnpm install --frozen-lockfile --prod --config.node-linker=hoisted");
      case YARN ->
          recipe.yarnBerry()
              ? List.of(
                  "yarn install --immutable --mode=skip-build",
                  "yarn workspaces focus --production")
              : List.of("yarn install --frozen-lockfile --production");
    };
  }

  private static String together(String... words) {
    return String.join(String.valueOf(KEEP_TOGETHER), words);
  }

  private static String shellWord(String word) {
    return word.matches("[A-Za-z0-9._/-]+") ? word : "'" + word + "'";
  }
}
