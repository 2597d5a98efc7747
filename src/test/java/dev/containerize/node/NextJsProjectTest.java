package dev.containerize.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NextJsProjectTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"next.config.js", "next.config.mjs", "next.config.cjs", "next.config.ts"})
  void findsStandaloneOutputInEveryConfigForm(String name) throws IOException {
    write(name, "const config = {\n  output: \"standalone\",\n};\nexport default config;\n");

    NextJsProject next = NextJsProject.read(dir);

    assertThat(next.configFile()).contains(dir.resolve(name));
    assertThat(next.standaloneConfigured()).isTrue();
  }

  @Test
  void aCommentedOutStandaloneLineDoesNotCount() throws IOException {
    write(
        "next.config.mjs",
        "export default {\n  // output: 'standalone',\n  /* output: 'standalone' */\n};");

    assertThat(NextJsProject.read(dir).standaloneConfigured()).isFalse();
  }

  @Test
  void anotherOutputModeIsNotStandalone() throws IOException {
    write("next.config.js", "module.exports = { output: 'export' };");

    assertThat(NextJsProject.read(dir).standaloneConfigured()).isFalse();
  }

  @Test
  void takesTheConfigFileNextJsReadsFirst() throws IOException {
    write("next.config.mjs", "export default { output: 'standalone' };");
    write("next.config.js", "module.exports = {};");

    NextJsProject next = NextJsProject.read(dir);

    assertThat(next.configName()).isEqualTo("next.config.js");
    assertThat(next.standaloneConfigured()).isFalse();
  }

  @Test
  void readsALiteralDistDir() throws IOException {
    write("next.config.js", "module.exports = { distDir: './build/', output: 'standalone' };");

    NextJsProject next = NextJsProject.read(dir);

    assertThat(next.distDir()).isEqualTo("build");
    assertThat(next.standaloneOutput()).isEqualTo(dir.resolve("build/standalone"));
  }

  @Test
  void withoutConfigFileTheAdviceIsToCreateOne() {
    NextJsProject next = NextJsProject.read(dir);

    assertThat(next.configFile()).isEmpty();
    assertThat(next.distDir()).isEqualTo(".next");
    assertThat(next.standaloneAdvice())
        .contains("Create next.config.mjs")
        .contains("output: 'standalone'");
  }

  @Test
  void theAdviceNamesTheConfigFileFound() throws IOException {
    write("next.config.ts", "export default {};");

    assertThat(NextJsProject.read(dir).standaloneAdvice())
        .isEqualTo("Add `output: 'standalone'` to the config object in next.config.ts");
  }

  @Test
  void aCjsConfigIsFlaggedAsUnreadByNextJs() throws IOException {
    write("next.config.cjs", "module.exports = { output: 'standalone' };");

    NextJsProject next = NextJsProject.read(dir);

    assertThat(next.configIgnoredByNext()).isTrue();
    assertThat(next.standaloneAdvice()).contains("Rename next.config.cjs to next.config.js");
  }

  @Test
  void theBuildIdAndStandaloneFolderTellWhatTheBuildWrote() throws IOException {
    NextJsProject next = NextJsProject.read(dir);
    assertThat(next.isBuilt()).isFalse();
    assertThat(next.hasStandaloneOutput()).isFalse();

    write(".next/BUILD_ID", "abc");
    Files.createDirectories(dir.resolve(".next/standalone"));

    assertThat(next.isBuilt()).isTrue();
    assertThat(next.hasStandaloneOutput()).isTrue();
  }

  @Test
  void detectsAProjectThatDependsOnNext() throws IOException {
    write("package.json", "{\"name\": \"web\", \"dependencies\": {\"next\": \"16.5.0\"}}");
    write("next.config.mjs", "export default { output: 'standalone' };");

    NodeProject project = NodeProject.read(dir, null, 20);

    assertThat(NextJsProject.detect(project))
        .hasValueSatisfying(next -> assertThat(next.standaloneConfigured()).isTrue());
  }

  @Test
  void aPlainNodeProjectIsNotNextJs() throws IOException {
    write("package.json", "{\"name\": \"api\", \"dependencies\": {\"express\": \"5.1.0\"}}");
    write("next.config.js", "module.exports = {};");

    assertThat(NextJsProject.detect(NodeProject.read(dir, null, 20))).isEmpty();
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
