package dev.containerize.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartCommandTest {
  @TempDir Path dir;

  @Test
  void plainNodeStartScript() throws IOException {
    StartCommand start = derive("{\"scripts\": {\"start\": \"node server.js\"}}");

    assertThat(start.command()).containsExactly("node", "server.js");
    assertThat(start.environment()).isEmpty();
    assertThat(start.entryFile()).contains("server.js");
    assertThat(start.source()).isEqualTo("scripts.start \"node server.js\"");
  }

  @Test
  void nodeFlagsAndAppArgumentsAreKept() throws IOException {
    StartCommand start =
        derive(
            "{\"scripts\": {\"start\":"
                + " \"node --enable-source-maps dist/index.js --port 3000\"}}");

    assertThat(start.command())
        .containsExactly("node", "--enable-source-maps", "dist/index.js", "--port", "3000");
    assertThat(start.entryFile()).contains("dist/index.js");
  }

  @Test
  void leadingAssignmentsBecomeEnvironment() throws IOException {
    StartCommand start =
        derive("{\"scripts\": {\"start\": \"NODE_ENV=production LOG_LEVEL=info node app.js\"}}");

    assertThat(start.command()).containsExactly("node", "app.js");
    assertThat(start.environment())
        .containsExactly(Map.entry("NODE_ENV", "production"), Map.entry("LOG_LEVEL", "info"));
  }

  @Test
  void quotedArgumentsStayOneWord() throws IOException {
    StartCommand start =
        derive(
            "{\"scripts\": {\"start\":"
                + " \"node 'my app/server.js' --name \\\"hello world\\\" --empty ''\"}}");

    assertThat(start.command())
        .containsExactly("node", "my app/server.js", "--name", "hello world", "--empty", "");
    assertThat(start.entryFile()).contains("my app/server.js");
  }

  @Test
  void nodeFlagValuesAreNotTakenForTheEntryFile() throws IOException {
    StartCommand start =
        derive("{\"scripts\": {\"start\": \"node -r ./tracing.js --import tsx/esm main.js\"}}");

    assertThat(start.entryFile()).contains("main.js");
  }

  @Test
  void configuredCommandThatRunsAnotherProgramFirstNamesNoEntryFile() {
    StartCommand env =
        new StartCommand(List.of("/usr/bin/env", "node", "app.js"), Map.of(), "configured");
    StartCommand byPath =
        new StartCommand(List.of("/usr/local/bin/node", "app.js"), Map.of(), "configured");

    assertThat(env.entryFile()).isEmpty();
    assertThat(byPath.entryFile()).contains("app.js");
  }

  @Test
  void mainFieldIsUsedWithoutStartScript() throws IOException {
    StartCommand start = derive("{\"main\": \"lib/main.js\"}");

    assertThat(start.command()).containsExactly("node", "lib/main.js");
    assertThat(start.source()).isEqualTo("\"main\" in package.json");
  }

  @Test
  void conventionalEntryFileIsFoundInOrder() throws IOException {
    Files.writeString(dir.resolve("app.js"), "");
    Files.writeString(dir.resolve("index.js"), "");

    StartCommand start = derive("{}");

    assertThat(start.command()).containsExactly("node", "index.js");
    assertThat(start.source()).isEqualTo("the conventional index.js");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nodemon app.js",
        "npm run build && node server.js",
        "ts-node src/index.ts",
        "node server.js | pino-pretty",
        "node $ENTRY",
        "next start",
        ""
      })
  void commandsThatAreNotPlainNodeAreRefusedNamingTheEntrypointSetting(String script)
      throws IOException {
    String json = "{\"scripts\": {\"start\": \"" + script + "\"}}";

    assertThatThrownBy(() -> derive(json))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(dir.resolve("package.json").toString())
        .hasMessageContaining("\"" + script + "\"")
        .hasMessageContaining("<container><entrypoint>")
        .hasMessageContaining("-Dcontainer.entrypoint=node,server.js");
  }

  @Test
  void noWayToStartIsAnErrorNamingTheFixes() {
    assertThatThrownBy(() -> derive("{\"name\": \"x\"}"))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(dir.resolve("package.json").toString())
        .hasMessageContaining("no \"start\" script and no \"main\" field")
        .hasMessageContaining("<container><entrypoint>");
  }

  private StartCommand derive(String packageJson) throws IOException {
    Path file = Files.writeString(dir.resolve("package.json"), packageJson);
    return StartCommand.derive(PackageJson.read(file), dir);
  }
}
