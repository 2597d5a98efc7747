package dev.containerize.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes installed packages into a test folder, in npm's nested or pnpm's linked layout. */
public final class InstalledPackages {
  private final Path root;

  /** Writes under the real path of {@code folder}, so that paths compare with resolved ones. */
  public InstalledPackages(Path folder) {
    try {
      this.root = folder.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The real path of the folder written under. */
  public Path root() {
    return root;
  }

  /**
   * Writes {@code relative/package.json} for {@code name@version} that depends on each of {@code
   * dependencies} in {@code "dependencies"}, and returns the folder.
   */
  public Path pkg(String relative, String name, String version, String... dependencies) {
    List<String> deps = new ArrayList<>();
    for (String dependency : dependencies) {
      deps.add("\"" + dependency + "\": \"*\"");
    }
    write(
        relative + "/package.json",
        "{\"name\": \""
            + name
            + "\", \"version\": \""
            + version
            + "\", \"dependencies\": {"
            + String.join(", ", deps)
            + "}}");
    return root.resolve(relative);
  }

  /** The folder of {@code name@version} in pnpm's store, relative to the root. */
  public static String stored(String name, String version) {
    return "node_modules/.pnpm/" + name.replace('/', '+') + "@" + version + "/node_modules/" + name;
  }

  /** Puts {@code name@version} into pnpm's store with links to the stored {@code dependencies}. */
  public Path store(String name, String version, String... dependencies) {
    List<String> names = new ArrayList<>();
    String storeModules = "node_modules/.pnpm/" + name.replace('/', '+') + "@" + version;
    for (String dependency : dependencies) {
      int at = dependency.lastIndexOf('@');
      String depName = dependency.substring(0, at);
      names.add(depName);
      link(
          storeModules + "/node_modules/" + depName, stored(depName, dependency.substring(at + 1)));
    }
    return pkg(stored(name, version), name, version, names.toArray(String[]::new));
  }

  /** Writes {@code text} to {@code relative}, creating its folders. */
  public Path write(String relative, String text) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a relative symbolic link at {@code link} to {@code target}, both under the root. */
  public Path link(String link, String target) {
    return linkTo(link, root.resolve(target));
  }

  /** Creates a relative symbolic link at {@code link}, under the root, to {@code target}. */
  public Path linkTo(String link, Path target) {
    Path path = root.resolve(link);
    try {
      Files.createDirectories(path.getParent());
      return Files.createSymbolicLink(path, path.getParent().relativize(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
