package dev.containerize.build;

import dev.containerize.BuildLog;
import dev.containerize.ProjectException;
import dev.containerize.node.NodeProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a project's frozen install and its build script, skipping each when its inputs have not
 * changed since the last successful run.
 */
public final class NodeBuild {
  private static final String INSTALL_KEY = "install";
  private static final String BUILD_KEY = "build";
  private static final Set<String> NOT_BUILD_INPUTS = Set.of("target", ".next/cache");

  /** One lock per install root, so that modules built in parallel never install it at once. */
  private static final Map<Path, Object> INSTALL_LOCKS = new ConcurrentHashMap<>();

  /** The install key each install root was last installed or found up to date with here. */
  private static final Map<Path, String> INSTALLED = new ConcurrentHashMap<>();

  private final BuildLog log;
  private final ProcessRunner runner;
  private final BuildState state;
  private PackageManagerCommand command;

  /**
   * Creates a build that keeps its state under {@code stateFile} and gives {@code environment} to
   * the package manager.
   */
  public NodeBuild(BuildLog log, Path stateFile, Map<String, String> environment) {
    this.log = log;
    this.runner =
        new ProcessRunner(
            log,
            withQuietDefaults(environment),
            stateFile.resolveSibling("running-process.properties"));
    this.state = BuildState.load(stateFile);
  }

  private static Map<String, String> withQuietDefaults(Map<String, String> environment) {
    Map<String, String> env = new TreeMap<>(environment);
    env.putIfAbsent("npm_config_update_notifier", "false");
    env.putIfAbsent("npm_config_fund", "false");
    env.putIfAbsent("npm_config_audit", "false");
    env.putIfAbsent("NEXT_TELEMETRY_DISABLED", "1");
    env.putIfAbsent("YARN_ENABLE_TELEMETRY", "0");
    env.putIfAbsent("YARN_ENABLE_PROGRESS_BARS", "false");
    return env;
  }

  /**
   * Installs and builds {@code project}.
   *
   * @param buildScript the script named in the configuration, or null for {@code build} when the
   *     project has one
   */
  public void run(NodeProject project, String buildScript) {
    build(project, buildScript, install(project), List.of());
  }

  /**
   * Runs the frozen install of {@code project} in its install root (the workspace root for a
   * workspace member), unless that install is up to date; builds of several members of one
   * workspace in one JVM (a reactor build, also with {@code -T}) install it once.
   *
   * @return whether {@code node_modules} changed since this project's last build
   */
  public boolean install(NodeProject project) {
    Path lockfile = project.requireLockfile();
    Path root = project.installRoot();
    String key = installKey(project, lockfile);
    boolean changed = state.get(INSTALL_KEY).filter(key::equals).isEmpty();
    synchronized (INSTALL_LOCKS.computeIfAbsent(root, r -> new Object())) {
      boolean complete = !project.hasDependencies() || InstallRecord.in(root).says(key);
      if (complete && !changed) {
        log.info("Install: up to date (package.json and " + lockfile.getFileName() + " unchanged)");
        INSTALLED.put(root, key);
      } else if (complete && key.equals(INSTALLED.get(root))) {
        log.info("Install: up to date (installed in " + root + " earlier in this build)");
      } else {
        runInstall(project, lockfile, key);
        INSTALLED.put(root, key);
        changed = true;
      }
    }
    state.put(INSTALL_KEY, key);
    return changed;
  }

  /**
   * What the install depends on: the lockfile, the manifests of the root and of every workspace
   * member, and the package manager release.
   */
  private static String installKey(NodeProject project, Path lockfile) {
    Path root = project.installRoot();
    Fingerprint key =
        Fingerprint.start()
            .addContent(lockfile)
            .addContent(root.resolve("package.json"))
            .addContent(root.resolve("pnpm-workspace.yaml"))
            .addContent(root.resolve(".yarnrc.yml"))
            .add(project.release().describe());
    if (project.workspace().isPresent()) {
      for (Path member : project.workspace().get().members()) {
        key.add(root.relativize(member).toString()).addContent(member.resolve("package.json"));
      }
    }
    return key.add(project.packageManager().name()).hex();
  }

  /**
   * Runs the install with both records of it (this module's state and the install root's record)
   * cleared until it succeeds, so that a build stopped in the middle leaves none that says "up to
   * date".
   */
  private void runInstall(NodeProject project, Path lockfile, String key) {
    PackageManagerCommand manager = command(project);
    List<String> command = manager.with(project.release().frozenInstallArguments());
    log.info("Install: " + String.join(" ", command) + inFolder(project));
    InstallRecord record = InstallRecord.in(project.installRoot());
    state.remove(INSTALL_KEY);
    record.clear();
    ProcessRunner.Result result = runner.run(command, project.installRoot());
    if (!result.succeeded()) {
      throw InstallFailure.explain(project, lockfile, command, manager, result);
    }
    record.write(key);
  }

  /** The version of the package manager release that installs and builds {@code project} here. */
  public Optional<String> packageManagerVersion(NodeProject project) {
    return runner.firstLine(command(project).with(List.of("--version")), project.installRoot());
  }

  private PackageManagerCommand command(NodeProject project) {
    if (command == null) {
      command = PackageManagerCommand.resolve(project, runner);
      log.info("Package manager: " + command.description());
    }
    return command;
  }

  private static String inFolder(NodeProject project) {
    return project.workspace().isPresent()
        ? " (in the workspace root " + project.installRoot() + ")"
        : "";
  }

  /**
   * Runs the build script of {@code project} in its folder unless no input changed.
   *
   * @param buildScript the script named in the configuration, or null for {@code build}
   * @param installed whether {@code node_modules} changed, which makes the build run
   * @param otherInputs folders outside the project whose files the build reads too (the workspace
   *     packages it depends on)
   */
  public void build(
      NodeProject project, String buildScript, boolean installed, List<Path> otherInputs) {
    Optional<String> script = buildScript(project, buildScript);
    if (script.isEmpty()) {
      log.info("Build: no \"build\" script in package.json, nothing to build");
      return;
    }
    runBuild(project, script.get(), installed, otherInputs);
  }

  /**
   * The script that builds {@code project}: {@code configured}, which must exist, else {@code
   * build} when the project has one, else none.
   */
  public static Optional<String> buildScript(NodeProject project, String configured) {
    if (configured == null || configured.isBlank()) {
      return project.packageJson().script("build").map(s -> "build");
    }
    if (project.packageJson().script(configured).isEmpty()) {
      throw new ProjectException(
          "<node><buildScript> (-Dcontainer.node.buildScript) names the script \""
              + configured
              + "\", but "
              + project.packageJson().file()
              + " has no such script. Add it to \"scripts\" or correct the name.");
    }
    return Optional.of(configured);
  }

  private void runBuild(
      NodeProject project, String script, boolean installed, List<Path> otherInputs) {
    String inputs = sourceFingerprint(project.directory(), script, otherInputs);
    if (!installed && state.get(BUILD_KEY).filter(inputs::equals).isPresent()) {
      log.info("Build: up to date (no file changed since the last `" + script + "`)");
      return;
    }
    List<String> command = command(project).with(List.of("run", script));
    log.info("Build: " + String.join(" ", command));
    state.remove(BUILD_KEY);
    ProcessRunner.Result result = runner.run(command, project.directory());
    if (!result.succeeded()) {
      throw new ProjectException(
          "The build script \""
              + script
              + "\" of "
              + project.packageJson().file()
              + " failed with exit code "
              + result.exitCode()
              + ". Fix the build; its last lines were:\n"
              + result.tailText());
    }
    state.put(BUILD_KEY, sourceFingerprint(project.directory(), script, otherInputs));
  }

  private static String sourceFingerprint(Path directory, String script, List<Path> others) {
    Fingerprint fingerprint =
        Fingerprint.start().add(script).addTree(directory, NodeBuild::notAnInput);
    for (Path other : others) {
      fingerprint.add(other.toString()).addTree(other, NodeBuild::notAnInput);
    }
    return fingerprint.hex();
  }

  private static boolean notAnInput(Path relative) {
    String name = relative.getFileName().toString();
    return name.equals("node_modules")
        || name.equals(".git")
        || NOT_BUILD_INPUTS.contains(relative.toString().replace('\\', '/'));
  }
}
