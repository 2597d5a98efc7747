package dev.containerize.node;

import dev.containerize.EnvironmentException;
import dev.containerize.ProjectException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which package manager a project uses, which release of it the project asks for, and where that
 * came from.
 *
 * @param manager the package manager
 * @param version the exact version named in {@code packageManager}, if any
 * @param source where the choice came from, for the log
 * @param yarnBerry whether it is Yarn 2 or newer, whose commands and lockfile differ from Yarn 1
 * @param yarnConfig the workspace's {@code .yarnrc.yml}, if it has one
 */
public record PackageManagerRelease(
    PackageManager manager,
    Optional<String> version,
    String source,
    boolean yarnBerry,
    Optional<YarnConfig> yarnConfig) {
  private static final Pattern EXACT_VERSION = Pattern.compile("(\\d+)\\.\\d+\\.\\d+(?:-[\\w.]+)?");

  /**
   * Detects the package manager of the project in {@code dir}, installed from {@code root}: the
   * configured one, else {@code packageManager} in the project's or the root's {@code
   * package.json}, else the lockfile at the root, else pnpm for a {@code pnpm-workspace.yaml}, else
   * npm.
   */
  static PackageManagerRelease detect(
      Path dir, PackageJson packageJson, Path root, String configured) {
    Optional<PackageJson> rootJson =
        root.equals(dir) || !Files.isRegularFile(root.resolve("package.json"))
            ? Optional.empty()
            : Optional.of(PackageJson.read(root.resolve("package.json")));
    Optional<PackageJson> declaring =
        Optional.of(packageJson)
            .filter(p -> p.packageManager().isPresent())
            .or(() -> rootJson.filter(p -> p.packageManager().isPresent()));
    PackageManager manager;
    Optional<String> version = Optional.empty();
    String source;
    if (configured != null && !configured.isBlank()) {
      manager = configuredManager(configured);
      source = "<node><packageManager>";
      version = declaring.flatMap(p -> declaredVersion(p, manager));
    } else if (declaring.isPresent()) {
      PackageJson declared = declaring.get();
      manager = declaredManager(declared);
      version = declaredVersion(declared, manager);
      source = "\"packageManager\" in " + declared.file();
    } else {
      manager = fromLockfiles(root);
      source = lockfileSource(root, manager);
    }
    return withYarnFlavour(manager, version, source, root);
  }

  private static PackageManagerRelease withYarnFlavour(
      PackageManager manager, Optional<String> version, String source, Path root) {
    Optional<YarnConfig> yarnConfig =
        manager == PackageManager.YARN ? YarnConfig.read(root) : Optional.empty();
    boolean berry =
        manager == PackageManager.YARN
            && version
                .map(v -> majorOf(v) >= 2)
                .orElseGet(() -> yarnConfig.isPresent() || isBerryLockfile(root));
    PackageManagerRelease release =
        new PackageManagerRelease(manager, version, source, berry, yarnConfig);
    release.checkLinker(root);
    return release;
  }

  private static PackageManager configuredManager(String configured) {
    return PackageManager.named(configured)
        .orElseThrow(
            () ->
                new ProjectException(
                    "<node><packageManager> (-Dcontainer.node.packageManager) is \""
                        + configured
                        + "\", which is not a package manager the plugin knows. Use npm, pnpm"
                        + " or yarn, or leave it out to detect it from the lockfile."));
  }

  private static PackageManager declaredManager(PackageJson packageJson) {
    String declared = packageJson.packageManager().orElseThrow();
    String name = declared.split("@", 2)[0];
    return PackageManager.named(name)
        .orElseThrow(
            () ->
                new ProjectException(
                    packageJson.file()
                        + ": \"packageManager\" names \""
                        + declared
                        + "\", which the plugin cannot run. Name npm, pnpm or yarn there."));
  }

  /**
   * The exact version in {@code packageManager} when it names {@code manager}, without the {@code
   * +sha512...} suffix; a range or tag is refused, as Corepack refuses it.
   */
  private static Optional<String> declaredVersion(PackageJson packageJson, PackageManager manager) {
    String declared = packageJson.packageManager().orElseThrow();
    String[] parts = declared.split("@", 2);
    if (PackageManager.named(parts[0]).filter(manager::equals).isEmpty() || parts.length < 2) {
      return Optional.empty();
    }
    String version = parts[1].split("\\+", 2)[0].trim();
    if (!EXACT_VERSION.matcher(version).matches()) {
      throw new ProjectException(
          packageJson.file()
              + ": \"packageManager\" is \""
              + declared
              + "\", which names no exact version. Name one, such as "
              + manager.command()
              + "@"
              + exampleVersion(manager)
              + ".");
    }
    return Optional.of(version);
  }

  /** A published release of this package manager and major line, for messages that ask for one. */
  public String exampleVersion() {
    return manager == PackageManager.YARN && !yarnBerry ? "1.22.22" : exampleVersion(manager);
  }

  private static String exampleVersion(PackageManager manager) {
    return switch (manager) {
      case NPM -> "11.6.2";
      case PNPM -> "10.34.9";
      case YARN -> "4.18.1";
    };
  }

  private static PackageManager fromLockfiles(Path root) {
    for (PackageManager manager : PackageManager.values()) {
      for (String lockfile : manager.lockfiles()) {
        if (Files.isRegularFile(root.resolve(lockfile))) {
          return manager;
        }
      }
    }
    return Files.isRegularFile(root.resolve("pnpm-workspace.yaml"))
        ? PackageManager.PNPM
        : PackageManager.NPM;
  }

  private static String lockfileSource(Path root, PackageManager manager) {
    return manager.lockfiles().stream()
        .map(root::resolve)
        .filter(Files::isRegularFile)
        .findFirst()
        .map(Path::toString)
        .orElseGet(
            () ->
                manager == PackageManager.PNPM
                    ? root.resolve("pnpm-workspace.yaml") + ", without a lockfile"
                    : "no lockfile or packageManager field: the default");
  }

  /** Whether the {@code yarn.lock} at {@code root} is written by Yarn 2+ (it has metadata). */
  private static boolean isBerryLockfile(Path root) {
    Path lockfile = root.resolve("yarn.lock");
    if (!Files.isRegularFile(lockfile)) {
      return false;
    }
    try (BufferedReader in = Files.newBufferedReader(lockfile)) {
      for (int i = 0; i < 10; i++) {
        String line = in.readLine();
        if (line == null) {
          return false;
        }
        if (line.startsWith("__metadata:")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new EnvironmentException("Cannot read " + lockfile + ": " + e.getMessage(), e);
    }
  }

  static int majorOf(String version) {
    Matcher m = EXACT_VERSION.matcher(version);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** Refuses Yarn's Plug'n'Play, which leaves no {@code node_modules} to put in an image. */
  private void checkLinker(Path root) {
    if (!yarnBerry) {
      return;
    }
    Optional<String> linker = yarnConfig.flatMap(YarnConfig::nodeLinker);
    if (linker.filter("node-modules"::equals).isPresent()) {
      return;
    }
    Path file = root.resolve(".yarnrc.yml");
    String setting =
        linker.map(l -> file + " sets nodeLinker: " + l).orElse(file + " sets no nodeLinker");
    boolean plugAndPlay = linker.filter(l -> !l.equals("pnp")).isEmpty();
    String why =
        plugAndPlay
            ? " installs with Plug'n'Play (pnp), which leaves no node_modules folder to put in"
                + " an image."
            : " links node_modules into a store with that linker, which the plugin does not lay"
                + " out.";
    throw new ProjectException(
        setting
            + ", so Yarn "
            + version.orElse("2+")
            + why
            + " Set `nodeLinker: node-modules` in "
            + file
            + " and run `yarn install`.");
  }

  /** The arguments, after the command, of the install that follows the lockfile exactly. */
  public List<String> frozenInstallArguments() {
    if (yarnBerry) {
      return List.of("install", "--immutable");
    }
    List<String> command = new ArrayList<>(manager.frozenInstall());
    command.remove(0);
    return command;
  }

  /** The npm package that holds this manager's release, for fetching it with {@code npm exec}. */
  public String npmPackage() {
    return yarnBerry ? "@yarnpkg/cli-dist" : manager.command();
  }

  /** The {@code yarnPath} release committed in the workspace, if {@code .yarnrc.yml} names one. */
  public Optional<Path> committedRelease(Path root) {
    return yarnConfig.flatMap(YarnConfig::yarnPath).map(p -> root.resolve(p).normalize());
  }

  /** A short description, such as {@code pnpm 10.34.9}. */
  public String describe() {
    return manager.command() + version.map(v -> " " + v).orElse("");
  }
}
