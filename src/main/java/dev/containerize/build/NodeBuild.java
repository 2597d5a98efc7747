package dev.containerize.build;

import dev.containerize.BuildLog;
import dev.containerize.ProjectException;
import dev.containerize.node.NodeProject;
import dev.containerize.node.PackageManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a project's frozen install and its build script, skipping each when its inputs have not
 * changed since the last successful run.
 */
public final class NodeBuild {
  private static final String INSTALL_KEY = "install";
  private static final String BUILD_KEY = "build";
  private static final Set<String> NOT_BUILD_INPUTS = Set.of("target", ".next/cache");
  private static final List<String> OUT_OF_STEP_MARKS =
      List.of(
          "in sync",
          "frozen-lockfile",
          "lockfile needs to be updated",
          "ERR_PNPM_OUTDATED_LOCKFILE");

  private final BuildLog log;
  private final ProcessRunner runner;
  private final BuildState state;

  /**
   * Creates a build that keeps its state under {@code stateFile} and gives {@code environment} to
   * the package manager.
   */
  public NodeBuild(BuildLog log, Path stateFile, Map<String, String> environment) {
    this.log = log;
    this.runner = new ProcessRunner(log, withQuietDefaults(environment));
    this.state = BuildState.load(stateFile);
  }

  private static Map<String, String> withQuietDefaults(Map<String, String> environment) {
    Map<String, String> env = new TreeMap<>(environment);
    env.putIfAbsent("npm_config_update_notifier", "false");
    env.putIfAbsent("npm_config_fund", "false");
    env.putIfAbsent("npm_config_audit", "false");
    env.putIfAbsent("NEXT_TELEMETRY_DISABLED", "1");
    return env;
  }

  /**
   * Installs and builds {@code project}.
   *
   * @param buildScript the script named in the configuration, or null for {@code build} when the
   *     project has one
   */
  public void run(NodeProject project, String buildScript) {
    Path lockfile = project.requireLockfile();
    boolean installed = install(project, lockfile);
    Optional<String> script = buildScript(project, buildScript);
    if (script.isEmpty()) {
      log.info("Build: no \"build\" script in package.json, nothing to build");
      return;
    }
    build(project, script.get(), installed);
  }

  private boolean install(NodeProject project, Path lockfile) {
    String key =
        Fingerprint.start()
            .addContent(project.packageJson().file())
            .addContent(lockfile)
            .add(project.packageManager().name())
            .hex();
    boolean present =
        Files.isDirectory(project.directory().resolve("node_modules")) || !hasDependencies(project);
    if (present && state.get(INSTALL_KEY).filter(key::equals).isPresent()) {
      log.info("Install: up to date (package.json and " + lockfile.getFileName() + " unchanged)");
      return false;
    }
    PackageManager manager = project.packageManager();
    List<String> command = manager.frozenInstall();
    log.info("Install: " + String.join(" ", command));
    state.remove(INSTALL_KEY);
    ProcessRunner.Result result = runner.run(command, project.directory());
    if (!result.succeeded()) {
      throw installFailed(project, lockfile, command, result);
    }
    state.put(INSTALL_KEY, key);
    return true;
  }

  /** Whether an install creates {@code node_modules}; npm creates none for zero dependencies. */
  private static boolean hasDependencies(NodeProject project) {
    return !project.packageJson().dependencies().isEmpty()
        || !project.packageJson().devDependencies().isEmpty();
  }

  private static ProjectException installFailed(
      NodeProject project, Path lockfile, List<String> command, ProcessRunner.Result result) {
    String output = result.headText() + "\n" + result.tailText();
    boolean outOfStep = OUT_OF_STEP_MARKS.stream().anyMatch(output::contains);
    String why =
        outOfStep
            ? lockfile
                + " is out of step with "
                + project.packageJson().file()
                + ". Run `"
                + project.packageManager().command()
                + " install` and commit the updated lockfile."
            : "`"
                + String.join(" ", command)
                + "` failed with exit code "
                + result.exitCode()
                + " in "
                + project.directory()
                + ". Its last lines are below; run it there by hand to see the whole output.";
    return new ProjectException(why + "\n" + (outOfStep ? result.headText() : result.tailText()));
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

  private void build(NodeProject project, String script, boolean installed) {
    String inputs = sourceFingerprint(project.directory(), script);
    if (!installed && state.get(BUILD_KEY).filter(inputs::equals).isPresent()) {
      log.info("Build: up to date (no file changed since the last `" + script + "`)");
      return;
    }
    List<String> command = project.packageManager().runScript(script);
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
    state.put(BUILD_KEY, sourceFingerprint(project.directory(), script));
  }

  private static String sourceFingerprint(Path directory, String script) {
    return Fingerprint.start().add(script).addTree(directory, NodeBuild::notAnInput).hex();
  }

  private static boolean notAnInput(Path relative) {
    String name = relative.getFileName().toString();
    return name.equals("node_modules")
        || name.equals(".git")
        || NOT_BUILD_INPUTS.contains(relative.toString().replace('\\', '/'));
  }
}
