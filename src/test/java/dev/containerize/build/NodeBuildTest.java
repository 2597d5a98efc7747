package dev.containerize.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import dev.containerize.node.NodeProject;
import dev.containerize.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real npm and node on projects without dependencies, which need no network. */
class NodeBuildTest {
  private static final String BUILD_SCRIPT =
      "node -e \\\"require('fs').writeFileSync('out.txt', String(Date.now()))\\\"";

  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();

  @BeforeEach
  void writeProject() throws IOException {
    write("package.json", packageJson("\"build\": \"" + BUILD_SCRIPT + "\""));
    writeLockfile("\"\": { \"name\": \"tiny\", \"version\": \"1.0.0\" }");
    write("server.js", "console.log('hi')");
  }

  @Test
  void firstRunInstallsAndBuilds() {
    build().run(project(), null);

    assertThat(log.infos()).contains("Install: npm ci", "Build: npm run build");
    assertThat(dir.resolve("out.txt")).isRegularFile();
  }

  @Test
  void secondRunWithoutChangesSkipsInstallAndBuild() throws IOException {
    build().run(project(), null);
    String firstOutput = Files.readString(dir.resolve("out.txt"));
    log.clear();

    build().run(project(), null);

    assertThat(log.infos())
        .contains(
            "Install: up to date (package.json and package-lock.json unchanged)",
            "Build: up to date (no file changed since the last `build`)")
        .doesNotContain("Install: npm ci", "Build: npm run build");
    assertThat(dir.resolve("out.txt")).hasContent(firstOutput);
  }

  @Test
  void editedSourceRunsTheBuildAgainButNotTheInstall() throws IOException {
    build().run(project(), null);
    log.clear();
    Path source = write("server.js", "console.log('hello')");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));

    build().run(project(), null);

    assertThat(log.infos())
        .contains("Install: up to date (package.json and package-lock.json unchanged)")
        .contains("Build: npm run build");
  }

  @Test
  void editedPackageJsonRunsInstallAndBuildAgain() throws IOException {
    build().run(project(), null);
    log.clear();
    write("package.json", packageJson("\"build\": \"" + BUILD_SCRIPT + "\", \"x\": \"y\""));

    build().run(project(), null);

    assertThat(log.infos()).contains("Install: npm ci", "Build: npm run build");
  }

  @Test
  void projectWithoutBuildScriptOnlyInstalls() throws IOException {
    write("package.json", packageJson("\"start\": \"node server.js\""));

    build().run(project(), null);

    assertThat(log.infos())
        .contains(
            "Install: npm ci", "Build: no \"build\" script in package.json, nothing to build");
  }

  @Test
  void configuredScriptThatDoesNotExistNamesTheParameter() {
    assertThatThrownBy(() -> build().run(project(), "compile"))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("<node><buildScript>")
        .hasMessageContaining("-Dcontainer.node.buildScript")
        .hasMessageContaining("\"compile\"");
  }

  @Test
  void failingBuildReportsTheExitCodeAndItsLastLines() throws IOException {
    write(
        "package.json",
        packageJson(
            "\"build\": \"node -e \\\"console.error('tsc: 3 errors'); process.exit(3)\\\"\""));

    assertThatThrownBy(() -> build().run(project(), null))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("The build script \"build\"")
        .hasMessageContaining("exit code 3")
        .hasMessageContaining("tsc: 3 errors");
  }

  @Test
  void lockfileOutOfStepWithPackageJsonSaysToRunInstall() throws IOException {
    write(
        "package.json",
        "{\"name\": \"tiny\", \"version\": \"1.0.0\","
            + " \"dependencies\": {\"left-pad\": \"1.3.0\"}}");

    assertThatThrownBy(() -> build().run(project(), null))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("is out of step with")
        .hasMessageContaining("Run `npm install` and commit the updated lockfile")
        .hasMessageContaining("Missing: left-pad@1.3.0 from lock file")
        .hasMessageNotContaining("Usage:");
  }

  @Test
  void missingLockfileIsRefusedBeforeRunningAnything() throws IOException {
    Files.delete(dir.resolve("package-lock.json"));

    assertThatThrownBy(() -> build().run(project(), null))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("has no package-lock.json");
    assertThat(log.infos()).isEmpty();
  }

  @Test
  void packageManagerVersionIsTheOneOfTheReleaseThatRunsHere() {
    assertThat(build().packageManagerVersion(project()))
        .hasValueSatisfying(version -> assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*"));
    assertThat(log.infos()).anyMatch(line -> line.startsWith("Package manager: npm"));
  }

  @Test
  void installWhoseRecordIsGoneRunsAgainAlthoughThisModulesStateSaysUpToDate() throws IOException {
    withLocalDependency("");
    build().run(project(), null);
    Path record = dir.resolve("node_modules").resolve(InstallRecord.FILE_NAME);
    assertThat(record).isRegularFile();
    build().run(project(), null);
    assertThat(log.infos())
        .contains("Install: up to date (package.json and package-lock.json unchanged)");
    log.clear();
    // What another module of the workspace leaves when its install of this root is stopped.
    Files.delete(record);

    build().run(project(), null);

    assertThat(log.infos()).contains("Install: npm ci");
    assertThat(record).isRegularFile();
  }

  @Test
  void installThatFailsLeavesNeitherRecordNorState() throws IOException {
    withLocalDependency(
        ", \"postinstall\": \"node -e \\\"process.exit(require('fs').existsSync('fail') ? 1 : 0)"
            + "\\\"\"");
    build().run(project(), null);
    write("fail", "");
    String manifest = Files.readString(dir.resolve("package.json"));
    write("package.json", manifest.replace("\"scripts\"", "\"description\": \"x\", \"scripts\""));

    assertThatThrownBy(() -> build().run(project(), null)).isInstanceOf(ProjectException.class);

    assertThat(dir.resolve("node_modules/local")).exists();
    assertThat(dir.resolve("node_modules").resolve(InstallRecord.FILE_NAME)).doesNotExist();
    assertThat(Files.readString(dir.resolve("target/container/build.properties")))
        .doesNotContain("install=");
  }

  @Test
  void processThatAKilledBuildLeftRunningIsStoppedBeforeTheNextOne() throws Exception {
    Process leftover = new ProcessBuilder("sleep", "60").start();
    try {
      new RunningProcessRecord(dir.resolve("target/container/running-process.properties"))
          .write(leftover.toHandle(), List.of("npm", "ci"), dir);

      build().run(project(), null);

      assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).as("the leftover was stopped").isTrue();
      assertThat(log.lines())
          .contains(
              "WARN Stopping `npm ci` (process "
                  + leftover.pid()
                  + "), which a build stopped earlier left running in "
                  + dir);
      assertThat(dir.resolve("target/container/running-process.properties")).doesNotExist();
    } finally {
      leftover.destroyForcibly();
    }
  }

  @Test
  void processIdTheSystemGaveToAnotherProcessIsLeftAlone() throws Exception {
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      Path note = dir.resolve("target/container/running-process.properties");
      new RunningProcessRecord(note).write(other.toHandle(), List.of("npm", "ci"), dir);
      Files.writeString(note, Files.readString(note).replaceFirst("start=\\d{4}", "start=1999"));

      build().run(project(), null);

      assertThat(other.isAlive()).isTrue();
      assertThat(log.lines()).noneMatch(line -> line.startsWith("WARN"));
    } finally {
      other.destroyForcibly();
    }
  }

  /** Makes the project depend on a package in its own folder, which npm installs offline. */
  private void withLocalDependency(String moreScripts) throws IOException {
    Files.createDirectories(dir.resolve("local"));
    write("local/package.json", "{\"name\": \"local\", \"version\": \"1.0.0\"}");
    write(
        "package.json",
        "{\"name\": \"tiny\", \"version\": \"1.0.0\", \"scripts\": {\"start\": \"node server.js\""
            + moreScripts
            + "}, \"dependencies\": {\"local\": \"file:local\"}}");
    writeLockfile(
        """
        "": { "name": "tiny", "version": "1.0.0", "dependencies": { "local": "file:local" } },
        "local": { "version": "1.0.0" },
        "node_modules/local": { "resolved": "local", "link": true }
        """);
  }

  /** Writes an npm lockfile of the project {@code tiny} whose packages are {@code packages}. */
  private void writeLockfile(String packages) throws IOException {
    write(
        "package-lock.json",
        "{\"name\": \"tiny\", \"version\": \"1.0.0\", \"lockfileVersion\": 3,"
            + " \"requires\": true, \"packages\": {"
            + packages
            + "}}");
  }

  private NodeBuild build() {
    return new NodeBuild(log, dir.resolve("target/container/build.properties"), Map.of());
  }

  private NodeProject project() {
    return NodeProject.read(dir, null, 20);
  }

  private static String packageJson(String scripts) {
    return "{\"name\": \"tiny\", \"version\": \"1.0.0\", \"scripts\": {" + scripts + "}}";
  }

  private Path write(String relative, String text) throws IOException {
    return Files.writeString(dir.resolve(relative), text);
  }
}
