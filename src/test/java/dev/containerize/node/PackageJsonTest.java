package dev.containerize.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageJsonTest {
  @TempDir Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("package.json"), text);
  }

  @Test
  void readsKnownFieldsAndIgnoresUnknownOnes() throws IOException {
    Path file =
        write(
            """
            {
              "name": "shop",
              "version": "1.2.3",
              "main": "server.js",
              "packageManager": "npm@11.0.0",
              "engines": { "node": ">=20" },
              "scripts": { "start": "node server.js", "build": "tsc" },
              "dependencies": { "express": "^4.19.0" },
              "devDependencies": { "typescript": "^5.4.0" },
              "repository": { "type": "git", "url": "https://example.com/shop.git" },
              "somethingNew": { "nested": [1, 2, 3] },
              "private": true
            }
            """);

    PackageJson pkg = PackageJson.read(file);

    assertThat(pkg.file()).isEqualTo(file);
    assertThat(pkg.name()).contains("shop");
    assertThat(pkg.version()).contains("1.2.3");
    assertThat(pkg.main()).contains("server.js");
    assertThat(pkg.packageManager()).contains("npm@11.0.0");
    assertThat(pkg.enginesNode()).contains(">=20");
    assertThat(pkg.script("start")).contains("node server.js");
    assertThat(pkg.script("test")).isEmpty();
    assertThat(pkg.dependencies()).containsExactly(java.util.Map.entry("express", "^4.19.0"));
    assertThat(pkg.dependsOn("typescript")).isTrue();
    assertThat(pkg.repositoryUrl()).contains("https://example.com/shop.git");
    assertThat(pkg.description()).isEmpty();
  }

  @Test
  void malformedJsonNamesTheFileLineAndColumn() throws IOException {
    Path file = write("{\n  \"name\": \"shop\",\n  \"version\" \"1.0.0\"\n}\n");

    assertThatThrownBy(() -> PackageJson.read(file))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is not valid JSON")
        .hasMessageContaining("line 3, column 13");
  }

  @Test
  void anArrayIsRefusedAsNotAnObject() throws IOException {
    Path file = write("[1, 2]");

    assertThatThrownBy(() -> PackageJson.read(file))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("must hold a JSON object")
        .hasMessageContaining("an array");
  }

  @Test
  void aStringIsRefusedAsNotAnObject() throws IOException {
    Path file = write("\"shop\"");

    assertThatThrownBy(() -> PackageJson.read(file))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("must hold a JSON object")
        .hasMessageContaining("a string");
  }

  @Test
  void anEmptyFileIsRefusedAsHoldingNothing() throws IOException {
    Path file = write("  \n");

    assertThatThrownBy(() -> PackageJson.read(file))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("must hold a JSON object")
        .hasMessageContaining("holds nothing");
  }

  @Test
  void aMissingFileIsAProjectErrorNamingIt() {
    Path file = dir.resolve("package.json");

    assertThatThrownBy(() -> PackageJson.read(file))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(file + " does not exist");
  }
}
