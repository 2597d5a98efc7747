package dev.containerize.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeVersionTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "engines.node \"{0}\" on Node {1} gives {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        ">=20; 20; 20",
        ">=20; 22; 22",
        ">=20; 18; 20",
        "^22.1.0; 22; 22",
        "^22.1.0; 20; 22",
        ">=18.17.0; 20; 20",
        ">=18.17.0 <21; 22; 20",
        "~20.11.1; 22; 20",
        "20.x; 20; 20",
        "20.x; 22; 20",
        "18 || 20; 20; 20",
        "18 || 20; 22; 20",
        "18.x || 22.x; 20; 22",
        "<21; 22; 20",
        "<21; 18; 18",
        "<20.5.0; 22; 20",
        "<=20.x; 22; 20",
        ">20; 20; 21",
        ">20.1; 20; 20",
        "18 - 20; 19; 19",
        "18 - 20; 22; 20",
        "*; 22; 22",
        "'>= 20'; 18; 20",
      })
  void rangeChoosesTheBuildMachinesMajorWhenAllowedElseTheNewestNamed(
      String range, int machine, int expected) throws IOException {
    write("package.json", "{\"engines\": {\"node\": \"" + range + "\"}}");

    NodeVersion version = NodeVersion.choose(packageJson(), dir, machine);

    assertThat(version.major()).isEqualTo(expected);
    assertThat(version.source()).isEqualTo("engines.node \"" + range + "\"");
  }

  @ParameterizedTest(name = ".nvmrc \"{0}\" gives {1}")
  @CsvSource({"v22.3.0, 22", "lts/iron, 20", "lts/Jod, 22", "20, 20", "18.19, 18"})
  void nvmrcPinsTheMajor(String pin, int expected) throws IOException {
    write("package.json", "{}");
    write(".nvmrc", "\n" + pin + "\n");

    NodeVersion version = NodeVersion.choose(packageJson(), dir, 24);

    assertThat(version.major()).isEqualTo(expected);
    assertThat(version.source()).isEqualTo(".nvmrc \"" + pin + "\"");
  }

  @Test
  void nodeVersionFileIsReadWhenThereIsNoNvmrc() throws IOException {
    write("package.json", "{}");
    write(".node-version", "18.20.4\n");

    NodeVersion version = NodeVersion.choose(packageJson(), dir, 20);

    assertThat(version).isEqualTo(new NodeVersion(18, ".node-version \"18.20.4\""));
  }

  @Test
  void enginesNodeWinsOverNvmrc() throws IOException {
    write("package.json", "{\"engines\": {\"node\": \"22.x\"}}");
    write(".nvmrc", "20");

    assertThat(NodeVersion.choose(packageJson(), dir, 20).major()).isEqualTo(22);
  }

  @Test
  void withoutAnyDeclarationTheBuildMachinesMajorIsUsed() throws IOException {
    write("package.json", "{}");

    NodeVersion version = NodeVersion.choose(packageJson(), dir, 20);

    assertThat(version).isEqualTo(new NodeVersion(20, "the Node.js that runs the build"));
  }

  @Test
  void defaultBaseImageIsTheSlimImageOfTheMajor() {
    assertThat(new NodeVersion(22, "x").defaultBaseImage()).isEqualTo("node:22-slim");
  }

  private PackageJson packageJson() {
    return PackageJson.read(dir.resolve("package.json"));
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }
}
