package dev.containerize.node;

import dev.containerize.EnvironmentException;
import dev.containerize.ProjectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The packages an app needs at run time: what its {@code dependencies}, {@code
 * optionalDependencies} and installed {@code peerDependencies} lead to, transitively, found in the
 * installed {@code node_modules} folders the way Node.js finds them.
 *
 * <p>Each dependency is looked up from the real folder of the package that needs it, in its {@code
 * node_modules} and then in those of its parent folders up to the install root. That follows npm's
 * and Yarn's nested layouts as well as pnpm's links into {@code node_modules/.pnpm}, and only what
 * this app reaches is listed: packages that only other workspace members need are not.
 */
public final class ProductionClosure {

  /**
   * One package of the closure.
   *
   * @param key what makes it one package: {@code name@version} for an installed package, {@code
   *     local:PATH} for a workspace or other local package (PATH relative to the install root)
   * @param name its name in {@code package.json}
   * @param directory its real folder on the build machine
   * @param local whether it is a workspace (or other local) package rather than a downloaded one
   * @param dependencies what it requires, by the name it requires it under, to package keys
   */
  public record Package(
      String key, String name, Path directory, boolean local, Map<String, String> dependencies) {}

  private final Map<String, Package> packages;
  private final Map<String, String> appDependencies;
  private final Map<String, Integer> depths;

  private ProductionClosure(
      Map<String, Package> packages,
      Map<String, String> appDependencies,
      Map<String, Integer> depths) {
    this.packages = Collections.unmodifiableMap(packages);
    this.appDependencies = Collections.unmodifiableMap(appDependencies);
    this.depths = Collections.unmodifiableMap(depths);
  }

  /** Finds the closure of the app in {@code appDir}, installed under {@code installRoot}. */
  public static ProductionClosure of(Path appDir, Path installRoot) {
    return new Resolver(realPath(installRoot)).resolve(realPath(appDir));
  }

  /** The packages, keyed by {@link Package#key()}, nearest to the app first. */
  public Map<String, Package> packages() {
    return packages;
  }

  /** What the app itself requires, by the name it requires it under, to package keys. */
  public Map<String, String> appDependencies() {
    return appDependencies;
  }

  /** How many dependency steps separate the package with {@code key} from the app (1: direct). */
  public int depth(String key) {
    return depths.get(key);
  }

  private static final class Resolver {
    private final Path root;
    private final Map<String, Package> packages = new LinkedHashMap<>();
    private final Map<String, Integer> depths = new LinkedHashMap<>();
    private final Map<Path, String> keysByDirectory = new LinkedHashMap<>();
    private final Deque<Package> queue = new ArrayDeque<>();

    Resolver(Path root) {
      this.root = root;
    }

    ProductionClosure resolve(Path appDir) {
      PackageJson app = PackageJson.read(appDir.resolve("package.json"));
      Map<String, String> appDependencies = dependenciesOf(app, appDir, 1);
      while (!queue.isEmpty()) {
        Package next = queue.removeFirst();
        PackageJson manifest = PackageJson.read(next.directory().resolve("package.json"));
        next.dependencies()
            .putAll(dependenciesOf(manifest, next.directory(), depths.get(next.key()) + 1));
      }
      return new ProductionClosure(packages, appDependencies, depths);
    }

    /** Resolves what {@code manifest} requires, adding new packages at {@code depth}. */
    private Map<String, String> dependenciesOf(PackageJson manifest, Path dir, int depth) {
      Map<String, Boolean> wanted = new TreeMap<>();
      manifest.peerDependencies().keySet().forEach(name -> wanted.put(name, false));
      manifest.optionalDependencies().keySet().forEach(name -> wanted.put(name, false));
      manifest.dependencies().keySet().forEach(name -> wanted.putIfAbsent(name, true));
      Map<String, String> resolved = new TreeMap<>();
      for (Map.Entry<String, Boolean> entry : wanted.entrySet()) {
        Path found = find(entry.getKey(), dir);
        if (found != null) {
          resolved.put(entry.getKey(), add(found, depth));
        } else if (entry.getValue()) {
          throw notInstalled(manifest, entry.getKey());
        }
      }
      return resolved;
    }

    /** The real folder of {@code name} as Node.js finds it from {@code dir}, or null. */
    private Path find(String name, Path dir) {
      for (Path d = dir; d != null && d.startsWith(root); d = d.getParent()) {
        if (d.getFileName() != null && d.getFileName().toString().equals("node_modules")) {
          continue;
        }
        Path candidate = d.resolve("node_modules").resolve(name);
        if (Files.isDirectory(candidate)) {
          return checkedRealPath(candidate);
        }
      }
      return null;
    }

    private Path checkedRealPath(Path candidate) {
      Path real = realPath(candidate);
      if (!real.startsWith(root)) {
        throw new ProjectException(
            candidate
                + " leads to "
                + real
                + ", outside "
                + root
                + "; the plugin never copies files from outside the project or workspace into"
                + " an image. Make that package a member of the workspace, or install it from a"
                + " registry.");
      }
      return real;
    }

    private String add(Path dir, int depth) {
      String known = keysByDirectory.get(dir);
      if (known != null) {
        return known;
      }
      Path manifestFile = dir.resolve("package.json");
      if (!Files.isRegularFile(manifestFile)) {
        throw new ProjectException(
            dir
                + " is installed as a dependency but has no package.json. Delete node_modules"
                + " and run the install again.");
      }
      PackageJson manifest = PackageJson.read(manifestFile);
      boolean local = !isInsideNodeModules(dir);
      String name = manifest.name().orElse(dir.getFileName().toString());
      String key =
          local
              ? "local:" + root.relativize(dir).toString().replace('\\', '/')
              : name + "@" + manifest.version().orElse("0.0.0");
      keysByDirectory.put(dir, key);
      if (!packages.containsKey(key)) {
        Package pkg = new Package(key, name, dir, local, new TreeMap<>());
        packages.put(key, pkg);
        depths.put(key, depth);
        queue.addLast(pkg);
      }
      return key;
    }

    private boolean isInsideNodeModules(Path dir) {
      for (Path part : root.relativize(dir)) {
        if (part.toString().equals("node_modules")) {
          return true;
        }
      }
      return false;
    }

    private static ProjectException notInstalled(PackageJson manifest, String name) {
      return new ProjectException(
          manifest.file()
              + " depends on \""
              + name
              + "\", but no node_modules folder on the way up from there holds it. Run the"
              + " install again (and check that \""
              + name
              + "\" is in the lockfile).");
    }
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new EnvironmentException("Cannot resolve " + path + ": " + e.getMessage(), e);
    }
  }
}
