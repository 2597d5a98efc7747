package dev.containerize.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import dev.containerize.node.NodeProject;
import dev.containerize.node.StartCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeAppLayoutTest {
  private static final String LOCKFILE =
      """
      {
        "name": "shop",
        "lockfileVersion": 3,
        "requires": true,
        "packages": {
          "": { "name": "shop", "dependencies": { "express": "4", "@acme/log": "1" } },
          "lib": { "version": "1.0.0" },
          "node_modules/@acme/log": { "version": "1.0.0" },
          "node_modules/express": { "version": "4.19.2" },
          "node_modules/express/node_modules/debug": { "version": "2.6.9" },
          "node_modules/jest": { "version": "29.7.0", "dev": true },
          "node_modules/@types/node": { "version": "20.0.0", "dev": true },
          "node_modules/lib": { "resolved": "lib", "link": true }
        }
      }
      """;

  @TempDir Path dir;

  @BeforeEach
  void project() throws IOException {
    write(
        "package.json",
        """
        {"name": "shop", "scripts": {"start": "NODE_ENV=production node server.js"},
         "dependencies": {"express": "4", "@acme/log": "1", "debug": "4"},
         "devDependencies": {"jest": "29", "@types/node": "20"}}
        """);
    write("package-lock.json", LOCKFILE);
    write("server.js", "require('express')");
    write("lib/index.js", "module.exports = 1");
    write("node_modules/.package-lock.json", "{}");
    write("node_modules/express/package.json", manifest("express", "4.19.2", "debug"));
    write("node_modules/debug/package.json", manifest("debug", "4.4.0", null));
    write("node_modules/debug/index.js", "d4");
    write("node_modules/express/index.js", "e");
    write("node_modules/express/.npmrc", "//registry.npmjs.org/:_authToken=leaked");
    write("node_modules/express/.env", "SECRET=3");
    write("node_modules/express/node_modules/debug/package.json", manifest("debug", "2.6.9", null));
    write("node_modules/express/node_modules/debug/index.js", "d");
    write("node_modules/express/node_modules/.bin/debug", "#!/usr/bin/env node");
    write("node_modules/@acme/log/package.json", manifest("@acme/log", "1.0.0", null));
    write("node_modules/@acme/log/index.js", "l");
    write("node_modules/jest/package.json", manifest("jest", "29.7.0", "debug"));
    write("node_modules/jest/index.js", "j");
    write("node_modules/@types/node/index.d.ts", "t");
    Files.createDirectories(dir.resolve("node_modules/.bin"));
    Files.createSymbolicLink(dir.resolve("node_modules/.bin/jest"), Path.of("../jest/index.js"));
    Files.createSymbolicLink(dir.resolve("node_modules/lib"), Path.of("../lib"));
    write(".env", "SECRET=1");
    write("config/.env.production", "SECRET=2");
    write(".npmrc", "//registry.npmjs.org/:_authToken=secret");
    write("pom.xml", "<project/>");
    write("target/classes/x", "x");
    write("README.md", "readme");
    write("docs/guide.md", "guide");
    write(".dockerignore", "*.md\ndocs/\n");
  }

  @Test
  void dependenciesLayerHoldsExactlyTheProductionPackages() {
    NodeAppLayout layout = layout(start());

    assertThat(layout.layers()).extracting(ImageLayer::name).containsExactly("dependencies", "app");
    assertThat(layout.layers().get(0).files())
        .extracting(ImageFile::path)
        .containsExactly(
            "/app/node_modules/@acme",
            "/app/node_modules/@acme/log",
            "/app/node_modules/@acme/log/index.js",
            "/app/node_modules/@acme/log/package.json",
            "/app/node_modules/debug",
            "/app/node_modules/debug/index.js",
            "/app/node_modules/debug/package.json",
            "/app/node_modules/express",
            "/app/node_modules/express/index.js",
            "/app/node_modules/express/node_modules",
            "/app/node_modules/express/node_modules/debug",
            "/app/node_modules/express/node_modules/debug/index.js",
            "/app/node_modules/express/node_modules/debug/package.json",
            "/app/node_modules/express/package.json");
  }

  @Test
  void appLayerLeavesOutNodeModulesSecretsBuildFilesAndIgnoredFiles() {
    NodeAppLayout layout = layout(start());

    assertThat(layout.layers().get(1).files())
        .extracting(ImageFile::path)
        .containsExactly(
            "/app/config",
            "/app/lib",
            "/app/lib/index.js",
            "/app/package-lock.json",
            "/app/package.json",
            "/app/server.js");
  }

  @Test
  void startCommandAndEnvironmentComeFromTheStartScript() {
    NodeAppLayout layout = layout(start());

    assertThat(layout.entrypoint()).containsExactly("node", "server.js");
    assertThat(layout.environment()).containsExactly(Map.entry("NODE_ENV", "production"));
    assertThat(layout.workingDirectory()).isEqualTo("/app");
    assertThat(layout.ports()).isEmpty();
  }

  @Test
  void layersArePlacedUnderTheConfiguredWorkingDirectory() {
    NodeProject project = NodeProject.read(dir, null, 20);

    NodeAppLayout layout = NodeAppLayout.of(project, start(), "/srv/shop");

    assertThat(layout.layers().get(1).files())
        .extracting(ImageFile::path)
        .contains("/srv/shop/server.js");
    assertThat(layout.layers().get(0).files())
        .extracting(ImageFile::path)
        .contains("/srv/shop/node_modules/express/index.js");
  }

  @Test
  void missingEntryFileIsAnErrorNamingIt() {
    StartCommand start = new StartCommand(List.of("node", "dist/main.js"), Map.of(), "test");

    assertThatThrownBy(() -> layout(start))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(dir.toAbsolutePath().resolve("dist/main.js").toString())
        .hasMessageContaining("does not exist after the build");
  }

  @Test
  void entryFileLeftOutByDockerignoreIsAnError() throws IOException {
    write(".dockerignore", "server.js\n");

    assertThatThrownBy(() -> layout(start()))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("excluded by .dockerignore");
  }

  @Test
  void entryWithoutExtensionFindsTheJsFileOrFolderIndex() {
    assertThat(layout(new StartCommand(List.of("node", "server"), Map.of(), "t")).entrypoint())
        .containsExactly("node", "server");
    assertThat(layout(new StartCommand(List.of("node", "lib"), Map.of(), "t")).entrypoint())
        .containsExactly("node", "lib");
  }

  @Test
  void missingLockfileNamesTheFileToCreate() throws IOException {
    Files.delete(dir.resolve("package-lock.json"));

    assertThatThrownBy(() -> layout(start()))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("has no package-lock.json");
  }

  private StartCommand start() {
    NodeProject project = NodeProject.read(dir, null, 20);
    return StartCommand.derive(project.packageJson(), project.directory());
  }

  private NodeAppLayout layout(StartCommand start) {
    return NodeAppLayout.of(NodeProject.read(dir, null, 20), start, "/app");
  }

  private static String manifest(String name, String version, String dependency) {
    String deps = dependency == null ? "" : ", \"dependencies\": {\"" + dependency + "\": \"*\"}";
    return "{\"name\": \"" + name + "\", \"version\": \"" + version + "\"" + deps + "}";
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
