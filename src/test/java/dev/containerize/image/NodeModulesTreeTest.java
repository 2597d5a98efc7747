package dev.containerize.image;

import static dev.containerize.testing.InstalledPackages.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.node.ProductionClosure;
import dev.containerize.testing.InstalledPackages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Places closures read from pnpm-style installs, where every version exists once. */
class NodeModulesTreeTest {
  @TempDir Path temp;
  private Path root;
  private InstalledPackages files;

  @BeforeEach
  void store() {
    files = new InstalledPackages(temp);
    root = files.root();
    files.store("a", "1.0.0", "c@1.0.0");
    files.store("b", "1.0.0", "c@2.0.0");
    files.store("d", "1.0.0", "c@1.0.0");
    files.store("c", "1.0.0");
    files.store("c", "2.0.0");
  }

  @Test
  void sharedVersionIsPlacedOnceAtTheTopAndTheConflictingOneNested() {
    files.pkg(".", "shop", "1.0.0", "a", "b", "d");
    linkFromApp("a", "1.0.0");
    linkFromApp("b", "1.0.0");
    linkFromApp("d", "1.0.0");

    assertThat(placements())
        .containsExactly(
            "node_modules/a -> a@1.0.0",
            "node_modules/b -> b@1.0.0",
            "node_modules/b/node_modules/c -> c@2.0.0",
            "node_modules/c -> c@1.0.0",
            "node_modules/d -> d@1.0.0");
  }

  @Test
  void appsOwnDependencyTakesTheTopAndTheSharedVersionIsCopiedIntoEachDependent() {
    files.pkg(".", "shop", "1.0.0", "a", "c", "d");
    linkFromApp("a", "1.0.0");
    linkFromApp("c", "2.0.0");
    linkFromApp("d", "1.0.0");

    assertThat(placements())
        .containsExactly(
            "node_modules/a -> a@1.0.0",
            "node_modules/a/node_modules/c -> c@1.0.0",
            "node_modules/c -> c@2.0.0",
            "node_modules/d -> d@1.0.0",
            "node_modules/d/node_modules/c -> c@1.0.0");
  }

  private void linkFromApp(String name, String version) {
    files.link("node_modules/" + name, stored(name, version));
  }

  private List<String> placements() {
    return NodeModulesTree.place(ProductionClosure.of(root, root)).stream()
        .map(p -> p.path() + " -> " + p.pkg().key())
        .toList();
  }
}
