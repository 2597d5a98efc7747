package dev.containerize.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerize.EnvironmentException;
import dev.containerize.ProjectException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packages under {@code node_modules} that the app needs at run time, as folder paths relative
 * to the project ({@code node_modules/express}, {@code node_modules/a/node_modules/b}).
 */
public final class ProductionDependencies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<String> packages;
  private final Set<String> ancestors;

  private ProductionDependencies(Set<String> packages) {
    this.packages = Collections.unmodifiableSet(packages);
    this.ancestors = new TreeSet<>();
    packages.forEach(p -> addAncestors(p, ancestors));
  }

  /**
   * Reads the production packages from an npm lockfile (version 2 or 3): every installed package
   * that npm does not mark {@code dev}.
   */
  public static ProductionDependencies fromNpmLockfile(Path lockfile) {
    JsonNode root = readJson(lockfile);
    JsonNode entries = root.path("packages");
    if (!entries.isObject()) {
      throw new ProjectException(
          lockfile
              + " has lockfileVersion "
              + root.path("lockfileVersion").asText("?")
              + ", which lists no \"packages\". Run `npm install --lockfile-version 3` with"
              + " npm 7 or newer and commit the result.");
    }
    Set<String> production = new TreeSet<>();
    for (Map.Entry<String, JsonNode> entry : entries.properties()) {
      String path = entry.getKey();
      JsonNode info = entry.getValue();
      boolean installed = path.startsWith("node_modules/") && !info.path("link").asBoolean();
      if (installed && !info.path("dev").asBoolean(false)) {
        production.add(path);
      }
    }
    return new ProductionDependencies(production);
  }

  private static JsonNode readJson(Path lockfile) {
    try {
      return JSON.readTree(lockfile.toFile());
    } catch (JsonProcessingException e) {
      throw new ProjectException(
          lockfile + " is not valid JSON: " + e.getOriginalMessage() + ". Run `npm install`.", e);
    } catch (IOException e) {
      throw new EnvironmentException("Cannot read " + lockfile + ": " + e.getMessage(), e);
    }
  }

  /** The production package folders, sorted. */
  public Set<String> packages() {
    return packages;
  }

  /**
   * Whether a walk of the project should skip the folder at {@code relative}: a {@code .bin} folder
   * of links, or a package or {@code @scope} folder that no production package lies in or under.
   */
  public boolean skipsDirectory(String relative) {
    if (relative.equals(".bin") || relative.endsWith("/.bin")) {
      return true;
    }
    if (isScopeFolder(relative)) {
      return !ancestors.contains(relative);
    }
    String owner = owningPackage(relative + "/-");
    return !owner.isEmpty() && !ancestors.contains(owner);
  }

  /** Whether the file at {@code relative} belongs to a production package. */
  public boolean keepsFile(String relative) {
    return packages.contains(owningPackage(relative));
  }

  /**
   * The package folder a file lies in: the longest prefix that ends in a package name following
   * {@code node_modules/} (two segments for a {@code @scope}), or empty when there is none.
   */
  static String owningPackage(String relativeFile) {
    String[] parts = relativeFile.split("/");
    int end = 0;
    for (int i = 0; i + 2 < parts.length; i++) {
      if (parts[i].equals("node_modules")) {
        int nameEnd = parts[i + 1].startsWith("@") ? i + 3 : i + 2;
        if (nameEnd < parts.length) {
          end = nameEnd;
          i = nameEnd - 1;
        }
      }
    }
    return String.join("/", Arrays.asList(parts).subList(0, end));
  }

  private static boolean isScopeFolder(String relative) {
    int slash = relative.lastIndexOf('/');
    return relative.startsWith("@", slash + 1)
        && relative.substring(0, slash + 1).endsWith("node_modules/");
  }

  private static void addAncestors(String pkg, Set<String> into) {
    String path = pkg;
    while (true) {
      into.add(path);
      int slash = path.lastIndexOf('/');
      if (isScopeFolder(path.substring(0, slash))) {
        into.add(path.substring(0, slash));
      }
      int nested = path.lastIndexOf("/node_modules/");
      if (nested < 0) {
        return;
      }
      path = path.substring(0, nested);
    }
  }
}
