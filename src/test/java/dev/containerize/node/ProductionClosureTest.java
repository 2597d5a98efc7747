package dev.containerize.node;

import static dev.containerize.testing.InstalledPackages.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import dev.containerize.node.ProductionClosure.Package;
import dev.containerize.testing.InstalledPackages;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionClosureTest {
  @TempDir Path temp;
  private Path root;
  private InstalledPackages files;

  @BeforeEach
  void realFolder() {
    files = new InstalledPackages(temp);
    root = files.root();
  }

  @Test
  void npmNestedLayoutResolvesEachRequireToTheNearestVersion() {
    files.pkg(".", "shop", "1.0.0", "express", "debug");
    files.pkg("node_modules/express", "express", "4.19.2", "debug");
    files.pkg("node_modules/express/node_modules/debug", "debug", "2.6.9");
    files.pkg("node_modules/debug", "debug", "4.4.0", "ms");
    files.pkg("node_modules/ms", "ms", "2.1.3");

    ProductionClosure closure = ProductionClosure.of(root, root);

    assertThat(closure.appDependencies())
        .containsExactly(Map.entry("debug", "debug@4.4.0"), Map.entry("express", "express@4.19.2"));
    assertThat(closure.packages().keySet())
        .containsExactlyInAnyOrder("debug@4.4.0", "express@4.19.2", "debug@2.6.9", "ms@2.1.3");
    assertThat(closure.packages().get("express@4.19.2").dependencies())
        .containsExactly(Map.entry("debug", "debug@2.6.9"));
    assertThat(closure.packages().get("debug@2.6.9").directory())
        .isEqualTo(root.resolve("node_modules/express/node_modules/debug"));
    assertThat(closure.depth("debug@4.4.0")).isEqualTo(1);
    assertThat(closure.depth("ms@2.1.3")).isEqualTo(2);
  }

  @Test
  void lookupNeverSearchesANodeModulesFolderInsideNodeModules() {
    files.pkg(".", "shop", "1.0.0", "debug");
    files.pkg("node_modules/debug", "debug", "4.4.0", "ms");
    files.pkg("node_modules/ms", "ms", "2.1.3");
    files.pkg("node_modules/node_modules/ms", "ms", "0.0.1");

    ProductionClosure closure = ProductionClosure.of(root, root);

    assertThat(closure.packages().get("debug@4.4.0").dependencies())
        .containsExactly(Map.entry("ms", "ms@2.1.3"));
  }

  @Test
  void pnpmLayoutIsFollowedThroughTheLinksIntoTheStore() {
    files.pkg(".", "shop", "1.0.0", "a");
    files.store("a", "1.0.0", "b@2.0.0");
    files.store("b", "2.0.0", "@scope/c@3.0.0");
    files.store("@scope/c", "3.0.0");
    files.link("node_modules/a", stored("a", "1.0.0"));

    ProductionClosure closure = ProductionClosure.of(root, root);

    assertThat(closure.packages().keySet()).containsExactly("a@1.0.0", "b@2.0.0", "@scope/c@3.0.0");
    Package b = closure.packages().get("b@2.0.0");
    assertThat(b.directory()).isEqualTo(root.resolve(stored("b", "2.0.0")));
    assertThat(b.local()).isFalse();
    assertThat(b.dependencies()).containsExactly(Map.entry("@scope/c", "@scope/c@3.0.0"));
    assertThat(closure.depth("@scope/c@3.0.0")).isEqualTo(3);
  }

  @Test
  void workspacePackageLinkedIntoNodeModulesIsLocalAndItsDependenciesFollow() {
    files.pkg("apps/web", "web", "1.0.0", "@acme/lib");
    files.pkg("packages/lib", "@acme/lib", "0.1.0", "left-pad");
    files.pkg("node_modules/left-pad", "left-pad", "1.3.0");
    files.link("node_modules/@acme/lib", "packages/lib");

    ProductionClosure closure = ProductionClosure.of(root.resolve("apps/web"), root);

    assertThat(closure.appDependencies())
        .containsExactly(Map.entry("@acme/lib", "local:packages/lib"));
    Package lib = closure.packages().get("local:packages/lib");
    assertThat(lib.local()).isTrue();
    assertThat(lib.name()).isEqualTo("@acme/lib");
    assertThat(lib.directory()).isEqualTo(root.resolve("packages/lib"));
    assertThat(lib.dependencies()).containsExactly(Map.entry("left-pad", "left-pad@1.3.0"));
    assertThat(closure.packages().get("left-pad@1.3.0").local()).isFalse();
  }

  @Test
  void missingProductionDependencyNamesTheManifestAndThePackage() {
    files.pkg(".", "shop", "1.0.0", "express");
    files.pkg("node_modules/express", "express", "4.19.2", "qs");

    assertThatThrownBy(() -> ProductionClosure.of(root, root))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(root.resolve("node_modules/express/package.json").toString())
        .hasMessageContaining("depends on \"qs\"")
        .hasMessageContaining("Run the install again");
  }

  @Test
  void missingOptionalAndPeerDependenciesAreLeftOutAndInstalledPeersKept() {
    files.write(
        "package.json",
        "{\"name\": \"shop\", \"optionalDependencies\": {\"fsevents\": \"2\"},"
            + " \"peerDependencies\": {\"react\": \"18\", \"vue\": \"3\"}}");
    files.pkg("node_modules/react", "react", "18.3.1");

    ProductionClosure closure = ProductionClosure.of(root, root);

    assertThat(closure.packages().keySet()).containsExactly("react@18.3.1");
  }

  @Test
  void linkLeadingOutsideTheInstallRootIsRefusedAndNamed() {
    Path project = root.resolve("project");
    files.pkg("project", "shop", "1.0.0", "evil");
    files.pkg("elsewhere/evil", "evil", "1.0.0");
    files.link("project/node_modules/evil", "elsewhere/evil");

    assertThatThrownBy(() -> ProductionClosure.of(project, project))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(project.resolve("node_modules/evil").toString())
        .hasMessageContaining("leads to " + root.resolve("elsewhere/evil"))
        .hasMessageContaining("outside " + project);
  }

  @Test
  void devDependenciesAreNeverIncluded() {
    files.write(
        "package.json",
        "{\"name\": \"shop\", \"dependencies\": {\"a\": \"1\"},"
            + " \"devDependencies\": {\"jest\": \"29\"}}");
    files.write(
        "node_modules/a/package.json",
        "{\"name\": \"a\", \"version\": \"1.0.0\", \"devDependencies\": {\"tap\": \"18\"}}");
    files.pkg("node_modules/jest", "jest", "29.7.0");
    files.pkg("node_modules/tap", "tap", "18.0.0");

    ProductionClosure closure = ProductionClosure.of(root, root);

    assertThat(closure.packages().keySet()).containsExactly("a@1.0.0");
  }
}
