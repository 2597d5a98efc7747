package dev.containerize.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IgnoreRulesTest {
  private static final List<String> REINCLUDE_EVERYTHING =
      List.of(
          "!.env",
          "!.env.production",
          "!config/.env",
          "!.npmrc",
          "!.yarnrc.yml",
          "!.git",
          "!pom.xml",
          "!target",
          "!.mvn",
          "!mvnw",
          "!Dockerfile",
          "!**/*.pem",
          "!id_rsa",
          "!.aws",
          "!**");

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".env",
        ".env.production",
        "config/.env",
        "apps/web/.env.local",
        ".npmrc",
        ".yarnrc.yml",
        ".git",
        ".git/HEAD",
        "pom.xml",
        "target",
        "target/classes/app.js",
        ".mvn/wrapper/maven-wrapper.properties",
        "mvnw",
        "mvnw.cmd",
        "Dockerfile",
        "docker/Dockerfile.dev",
        "certs/server.pem",
        "id_rsa",
        ".ssh/id_ed25519",
        ".aws/credentials",
        "node_modules/express/index.js",
        ".dockerignore"
      })
  void secretsAndBuildFilesStayOutEvenWhenDockerignoreReincludesThem(String path) {
    IgnoreRules rules = IgnoreRules.parse(REINCLUDE_EVERYTHING);

    assertThat(rules.excludes(path)).as(path).isTrue();
    assertThat(IgnoreRules.alwaysExcluded(path)).as(path).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "server.js",
        "lib/env.js",
        "src/target/x.js",
        "docs/pom.xml.md",
        "environment.json",
        "public/key.txt"
      })
  void ordinaryFilesAreKeptWithoutDockerignore(String path) {
    assertThat(IgnoreRules.parse(List.of()).excludes(path)).as(path).isFalse();
  }

  @Test
  void dockerignorePatternsExcludeAndReinclude() {
    IgnoreRules rules =
        IgnoreRules.parse(
            List.of(
                "# docs are not needed at run time",
                "",
                "*.md",
                "docs/",
                "**/*.test.js",
                "!README.md",
                "/coverage",
                "  tmp  "));

    assertThat(rules.excludes("CHANGELOG.md")).isTrue();
    assertThat(rules.excludes("README.md")).isFalse();
    assertThat(rules.excludes("lib/notes.md")).as("*.md matches at the root only").isFalse();
    assertThat(rules.excludes("docs")).isTrue();
    assertThat(rules.excludes("docs/guide/index.html")).isTrue();
    assertThat(rules.excludes("app.test.js")).isTrue();
    assertThat(rules.excludes("lib/deep/util.test.js")).isTrue();
    assertThat(rules.excludes("lib/deep/util.js")).isFalse();
    assertThat(rules.excludes("coverage/lcov.info")).isTrue();
    assertThat(rules.excludes("lib/coverage/x.js")).isFalse();
    assertThat(rules.excludes("tmp/cache")).isTrue();
    assertThat(rules.excludes("# docs are not needed at run time")).isFalse();
  }

  @Test
  void laterLinesWin() {
    IgnoreRules rules = IgnoreRules.parse(List.of("!keep.log", "*.log"));

    assertThat(rules.excludes("keep.log")).isTrue();
  }

  @Test
  void rulesAreReadFromTheProjectsDockerignore(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), "notes\n*.txt\n");

    IgnoreRules rules = IgnoreRules.of(dir);

    assertThat(rules.excludes("notes/plan.md")).isTrue();
    assertThat(rules.excludes("a.txt")).isTrue();
    assertThat(rules.excludes("server.js")).isFalse();
  }

  @Test
  void noDockerignoreKeepsOnlyTheBuiltInRules(@TempDir Path dir) {
    IgnoreRules rules = IgnoreRules.of(dir);

    assertThat(rules.excludes("a.txt")).isFalse();
    assertThat(rules.excludes(".env")).isTrue();
  }
}
