package dev.containerize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.testing.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds in a child JVM ({@link TarBuild}) what the build's own process could not show: files that
 * the build user may not read, even where the tests run as root (as on CI), whose privilege to read
 * anything is dropped for the child; and file names under a locale that is not UTF-8.
 */
class FileAccessTest {
  @TempDir Path temp;
  Path project;
  Path build;

  @BeforeEach
  void project() throws IOException {
    project = Files.createDirectories(temp.resolve("project"));
    build = temp.resolve("build");
    write("package.json", "{\"name\": \"files\", \"version\": \"1.0.0\", \"main\": \"server.js\"}");
    write("package-lock.json", "{\"name\": \"files\", \"lockfileVersion\": 3, \"packages\": {}}");
    write("server.js", "console.log('hi')");
  }

  @Test
  void unreadableFileStopsTheBuildNamingItAndTheFix() throws IOException {
    Path token = write("config/token.json", "{}");
    chmod(token, "---------");

    List<String> output = buildInChildProcess(List.of(), token);

    assertThat(output).contains("probe unreadable " + token);
    assertThat(outcome(output))
        .isEqualTo(
            "project "
                + token
                + " cannot be read by the build: the user that runs Maven lacks the permission."
                + " Make it readable (chmod a+r '"
                + token
                + "'), or keep it out of the image with a line in "
                + project.resolve(".dockerignore")
                + ".");
    assertThat(build.resolve("image.tar")).doesNotExist();
  }

  @Test
  void unreadableFolderStopsTheBuildNamingItAndTheFix() throws IOException {
    Path token = write("config/token.json", "{}");
    Path config = token.getParent();
    chmod(config, "---------");

    List<String> output = buildInChildProcess(List.of(), token);

    assertThat(output).contains("probe unreadable " + token);
    assertThat(outcome(output))
        .startsWith("project " + config + " cannot be read by the build")
        .contains("Make it readable (chmod a+rx '" + config + "')")
        .endsWith(
            "or keep it out of the image with a line in " + project.resolve(".dockerignore") + ".");
    assertThat(build.resolve("image.tar")).doesNotExist();
  }

  @Test
  void unreadableFileThatDockerignoreLeavesOutIsNeverRead() throws IOException {
    Path token = write("config/token.json", "{}");
    chmod(token, "---------");
    write(".dockerignore", "config/token.json\n");

    List<String> output = buildInChildProcess(List.of(), token);

    assertThat(output).contains("probe unreadable " + token);
    assertThat(outcome(output)).startsWith("built sha256:");
    assertThat(build.resolve("image.tar")).isRegularFile();
  }

  @Test
  void unicodeNameUnderALocaleThatIsNotUtf8StopsTheBuildNamingTheFix() throws IOException {
    Path odd = write("lib/ünï.js", "u");

    List<String> output = buildInChildProcess(List.of("env", "LC_ALL=C", "LANG=C"));

    assertThat(outcome(output))
        .startsWith("environment The name of ")
        .contains("(bytes %C3%BCn%C3%AF.js)")
        .contains("not UTF-8. Run Maven with a UTF-8 locale, for example LANG=C.UTF-8.");
    assertThat(Files.readString(odd)).isEqualTo("u");
    assertThat(build.resolve("image.tar")).doesNotExist();
  }

  /**
   * Runs {@link TarBuild} on the project after {@code prefix} (a command that changes its
   * environment), without the power to read what file modes forbid when the tests run as root.
   */
  private List<String> buildInChildProcess(List<String> prefix, Path... probes) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    if (Command.run("id", "-u").strip().equals("0")) {
      command.addAll(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The class path goes in an argument file, so that a failure's command line stays short.
    Path arguments = Files.writeString(temp.resolve("java-arguments"), "-cp " + classPath());
    command.add("@" + arguments);
    command.addAll(List.of(TarBuild.class.getName(), project.toString(), build.toString()));
    for (Path probe : probes) {
      command.add(probe.toString());
    }
    String output = Command.of(command).timeout(Duration.ofMinutes(2)).run();
    return output.lines().toList();
  }

  private static String classPath() {
    return "\"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"";
  }

  private static String outcome(List<String> output) {
    return output.stream().filter(l -> !l.startsWith("probe ")).findFirst().orElseThrow();
  }

  private Path write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static void chmod(Path path, String permissions) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
  }
}
