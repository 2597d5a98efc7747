package dev.containerize.node;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A Node.js package manager, its lockfile and its commands. */
public enum PackageManager {
  /** npm, with {@code package-lock.json} or {@code npm-shrinkwrap.json}. */
  NPM("npm", List.of("package-lock.json", "npm-shrinkwrap.json")),
  /** pnpm, with {@code pnpm-lock.yaml}. */
  PNPM("pnpm", List.of("pnpm-lock.yaml")),
  /** Yarn (classic or Berry), with {@code yarn.lock}. */
  YARN("yarn", List.of("yarn.lock"));

  private final String command;
  private final List<String> lockfiles;

  PackageManager(String command, List<String> lockfiles) {
    this.command = command;
    this.lockfiles = lockfiles;
  }

  /** The executable name. */
  public String command() {
    return command;
  }

  /** The lockfile names this manager writes, preferred first. */
  public List<String> lockfiles() {
    return lockfiles;
  }

  /** The manager called {@code name} (case-insensitive), if there is one. */
  public static Optional<PackageManager> named(String name) {
    for (PackageManager manager : values()) {
      if (manager.command.equals(name.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(manager);
      }
    }
    return Optional.empty();
  }

  /** The command that installs exactly what the lockfile says, failing if it is out of date. */
  public List<String> frozenInstall() {
    return switch (this) {
      case NPM -> List.of(command, "ci");
      case PNPM -> List.of(command, "install", "--frozen-lockfile");
      case YARN -> List.of(command, "install", "--frozen-lockfile");
    };
  }

  /** The command that runs the script called {@code script}. */
  public List<String> runScript(String script) {
    return List.of(command, "run", script);
  }
}
