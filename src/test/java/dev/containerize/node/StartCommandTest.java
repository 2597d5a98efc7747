package dev.containerize.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
import org.junit.jupiter.params.provider.CsvSource;

class StartCommandTest {
  private static final String START_NODEMON =
      "{\"scripts\": {\"start\": \"nodemon src/server.js\"}}";

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
  @CsvSource(
      delimiterString = " => ",
      value = {
        "nodemon app.js => node,app.js",
        "npm run build && node dist/main.js => node,dist/main.js",
        "ts-node src/index.ts => node,server.js",
        "node server.js | pino-pretty => node,server.js",
        "node $ENTRY => node,server.js",
        "next start => node,server.js",
        "'' => node,server.js"
      })
  void commandsThatAreNotPlainNodeAreRefusedNamingTheEntrypointToSet(
      String script, String entrypoint) throws IOException {
    String json = "{\"scripts\": {\"start\": \"" + script + "\"}}";

    assertThatThrownBy(() -> derive(json))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(dir.resolve("package.json").toString())
        .hasMessageContaining("\"" + script + "\"")
        .hasMessageContaining("<container><entrypoint>")
        .hasMessageEndingWith("for example -Dcontainer.entrypoint=" + entrypoint + ".");
  }

  @Test
  void startScriptIsCheckedBeforeTheBuildWritesAnyFile() throws IOException {
    Path file = Files.writeString(dir.resolve("package.json"), START_NODEMON);

    assertThatThrownBy(() -> StartCommand.checkStartScript(PackageJson.read(file)))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("\"nodemon src/server.js\" is not a plain `node <file>` command")
        .hasMessageEndingWith("-Dcontainer.entrypoint=node,src/server.js.");
  }

  @Test
  void startCheckPassesPlainNodeAndProjectsWithoutStartScript() throws IOException {
    Path file = Files.writeString(dir.resolve("package.json"), "{\"main\": \"dist/app.js\"}");
    assertThatCode(() -> StartCommand.checkStartScript(PackageJson.read(file)))
        .doesNotThrowAnyException();

    Files.writeString(file, "{\"scripts\": {\"start\": \"node dist/app.js\"}}");
    assertThatCode(() -> StartCommand.checkStartScript(PackageJson.read(file)))
        .doesNotThrowAnyException();
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
