package dev.containerize.image;

import dev.containerize.node.ProductionClosure;
import dev.containerize.node.ProductionClosure.Package;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Places the packages of a {@link ProductionClosure} in one {@code node_modules} tree of real
 * folders under the app, so that Node.js resolves every {@code require} to the package the install
 * resolved it to.
 *
 * <p>Each name gets one package at the top: the one the app itself requires, else the one most
 * packages require (the shallowest on a tie). A package that needs another version is given it in
 * its own {@code node_modules}. So the version that most packages share exists once, as in pnpm's
 * store, and Node.js loads it once; only a version that several packages need besides the one at
 * the top is copied into each of them, as npm does.
 */
public final class NodeModulesTree {
  private static final int MAX_NESTING = 64;

  /**
   * One package placed in the tree.
   *
   * @param path its folder relative to the app, such as {@code node_modules/a/node_modules/b}
   * @param pkg the package
   */
  public record Placement(String path, Package pkg) {}

  private NodeModulesTree() {}

  /** The placements for {@code closure}, sorted by path. */
  public static List<Placement> place(ProductionClosure closure) {
    Node app = new Node(null, "", null);
    for (Map.Entry<String, Package> top : topLevel(closure).entrySet()) {
      app.children.put(top.getKey(), app.child(top.getKey(), top.getValue()));
    }
    Deque<Node> queue = new ArrayDeque<>(app.children.values());
    List<Placement> placements = new ArrayList<>();
    while (!queue.isEmpty()) {
      Node node = queue.removeFirst();
      placements.add(new Placement(node.path, node.pkg));
      for (Map.Entry<String, String> dep : node.pkg.dependencies().entrySet()) {
        Package target = closure.packages().get(dep.getValue());
        if (!node.resolves(dep.getKey(), target)) {
          Node nested = node.child(dep.getKey(), target);
          node.children.put(dep.getKey(), nested);
          queue.addLast(nested);
        }
      }
    }
    placements.sort(Comparator.comparing(Placement::path));
    return placements;
  }

  /**
   * The package each name resolves to at the top of the tree: the app's own dependencies, then for
   * every other name the package most dependents require.
   */
  static Map<String, Package> topLevel(ProductionClosure closure) {
    Map<String, Package> top = new TreeMap<>();
    closure.appDependencies().forEach((name, key) -> top.put(name, closure.packages().get(key)));
    Map<String, Map<String, Integer>> dependents = new TreeMap<>();
    for (Package pkg : closure.packages().values()) {
      pkg.dependencies()
          .forEach(
              (name, key) ->
                  dependents
                      .computeIfAbsent(name, n -> new HashMap<>())
                      .merge(key, 1, Integer::sum));
    }
    dependents.forEach(
        (name, counts) -> {
          if (!top.containsKey(name)) {
            top.put(name, closure.packages().get(mostShared(closure, counts)));
          }
        });
    return top;
  }

  private static String mostShared(ProductionClosure closure, Map<String, Integer> counts) {
    Comparator<Map.Entry<String, Integer>> byCount =
        Map.Entry.<String, Integer>comparingByValue().reversed();
    return counts.entrySet().stream()
        .sorted(
            byCount
                .thenComparingInt(e -> closure.depth(e.getKey()))
                .thenComparing(Map.Entry::getKey))
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  /** A folder of the tree: the app at the top, or a placed package. */
  private static final class Node {
    final Node parent;
    final String path;
    final Package pkg;
    final Map<String, Node> children = new TreeMap<>();

    Node(Node parent, String path, Package pkg) {
      this.parent = parent;
      this.path = path;
      this.pkg = pkg;
    }

    Node child(String name, Package target) {
      String prefix = path.isEmpty() ? "" : path + "/";
      Node child = new Node(this, prefix + "node_modules/" + name, target);
      if (child.nesting() > MAX_NESTING) {
        throw new IllegalStateException(
            "Dependency nesting deeper than " + MAX_NESTING + ": " + path);
      }
      return child;
    }

    int nesting() {
      return parent == null ? 0 : parent.nesting() + 1;
    }

    /**
     * Whether {@code name} already resolves to {@code target} from this folder, as Node.js looks.
     */
    boolean resolves(String name, Package target) {
      Optional<Node> found = lookUp(name);
      return found.isPresent() && found.get().pkg.key().equals(target.key());
    }

    Optional<Node> lookUp(String name) {
      for (Node n = this; n != null; n = n.parent) {
        Node child = n.children.get(name);
        if (child != null) {
          return Optional.of(child);
        }
      }
      return Optional.empty();
    }
  }
}
