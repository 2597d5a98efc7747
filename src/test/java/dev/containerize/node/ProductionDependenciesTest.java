package dev.containerize.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionDependenciesTest {
  /** A lockfile of the shape npm 7+ writes, with production, dev, nested, scoped and linked. */
  static final String LOCKFILE =
      """
      {
        "name": "shop",
        "version": "1.0.0",
        "lockfileVersion": 3,
        "requires": true,
        "packages": {
          "": {
            "name": "shop",
            "version": "1.0.0",
            "dependencies": { "express": "^4.0.0", "@acme/log": "^1.0.0", "lib": "file:lib" },
            "devDependencies": { "jest": "^29.0.0" }
          },
          "lib": { "version": "1.0.0" },
          "node_modules/express": { "version": "4.19.2", "resolved": "https://r/e.tgz" },
          "node_modules/express/node_modules/debug": { "version": "2.6.9" },
          "node_modules/@acme/log": { "version": "1.0.0" },
          "node_modules/ms": { "version": "2.1.3" },
          "node_modules/fsevents": { "version": "2.3.3", "optional": true, "devOptional": true },
          "node_modules/jest": { "version": "29.7.0", "dev": true },
          "node_modules/jest/node_modules/ms": { "version": "3.0.0", "dev": true },
          "node_modules/@jest/core": { "version": "29.7.0", "dev": true },
          "node_modules/lib": { "resolved": "lib", "link": true }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void productionPackagesExcludeDevAndLinkedOnes() throws IOException {
    ProductionDependencies deps = read(LOCKFILE);

    assertThat(deps.packages())
        .containsExactly(
            "node_modules/@acme/log",
            "node_modules/express",
            "node_modules/express/node_modules/debug",
            "node_modules/fsevents",
            "node_modules/ms");
  }

  @Test
  void lockfileVersionOneIsRefusedWithTheFix() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("package-lock.json"),
            "{\"lockfileVersion\": 1, \"dependencies\": {\"ms\": {\"version\": \"2.1.3\"}}}");

    assertThatThrownBy(() -> ProductionDependencies.fromNpmLockfile(file))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("lockfileVersion 1")
        .hasMessageContaining("npm install --lockfile-version 3");
  }

  @Test
  void malformedLockfileNamesTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("package-lock.json"), "{\"packages\": ");

    assertThatThrownBy(() -> ProductionDependencies.fromNpmLockfile(file))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(file + " is not valid JSON");
  }

  @Test
  void owningPackageIsTheInnermostPackageFolder() {
    assertThat(ProductionDependencies.owningPackage("node_modules/express/index.js"))
        .isEqualTo("node_modules/express");
    assertThat(ProductionDependencies.owningPackage("node_modules/express/lib/router/x.js"))
        .isEqualTo("node_modules/express");
    assertThat(
            ProductionDependencies.owningPackage(
                "node_modules/express/node_modules/debug/src/index.js"))
        .isEqualTo("node_modules/express/node_modules/debug");
    assertThat(ProductionDependencies.owningPackage("node_modules/@acme/log/package.json"))
        .isEqualTo("node_modules/@acme/log");
    assertThat(ProductionDependencies.owningPackage("node_modules/.package-lock.json")).isEmpty();
    assertThat(ProductionDependencies.owningPackage("server.js")).isEmpty();
  }

  @Test
  void filesAreKeptOnlyInProductionPackages() throws IOException {
    ProductionDependencies deps = read(LOCKFILE);

    assertThat(deps.keepsFile("node_modules/express/index.js")).isTrue();
    assertThat(deps.keepsFile("node_modules/express/node_modules/debug/package.json")).isTrue();
    assertThat(deps.keepsFile("node_modules/@acme/log/index.js")).isTrue();
    assertThat(deps.keepsFile("node_modules/jest/index.js")).isFalse();
    assertThat(deps.keepsFile("node_modules/jest/node_modules/ms/index.js")).isFalse();
    assertThat(deps.keepsFile("node_modules/.package-lock.json")).isFalse();
  }

  @Test
  void walksSkipBinFoldersAndDevOnlyPackages() throws IOException {
    ProductionDependencies deps = read(LOCKFILE);

    assertThat(deps.skipsDirectory("node_modules/.bin")).isTrue();
    assertThat(deps.skipsDirectory("node_modules/express/node_modules/.bin")).isTrue();
    assertThat(deps.skipsDirectory("node_modules/jest")).isTrue();
    assertThat(deps.skipsDirectory("node_modules/@jest/core")).isTrue();
    assertThat(deps.skipsDirectory("node_modules/lib")).isTrue();
    assertThat(deps.skipsDirectory("node_modules/express")).isFalse();
    assertThat(deps.skipsDirectory("node_modules/express/lib")).isFalse();
    assertThat(deps.skipsDirectory("node_modules/express/node_modules")).isFalse();
    assertThat(deps.skipsDirectory("node_modules/express/node_modules/debug")).isFalse();
    assertThat(deps.skipsDirectory("node_modules/@acme")).isFalse();
    assertThat(deps.skipsDirectory("node_modules/@jest")).isTrue();
  }

  private ProductionDependencies read(String lockfile) throws IOException {
    Path file = Files.writeString(dir.resolve("package-lock.json"), lockfile);
    return ProductionDependencies.fromNpmLockfile(file);
  }
}
