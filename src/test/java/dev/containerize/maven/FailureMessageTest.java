package dev.containerize.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * A failure reaches Maven as the core's message alone: Maven would add to its error line the
 * message of every chained cause that the line does not hold.
 */
@MojoTest
@Basedir(FailureMessageTest.PROJECT)
class FailureMessageTest extends MojoFixture {
  static final String PROJECT = "/projects/malformed-package-json";

  FailureMessageTest() {
    super(PROJECT);
  }

  @Test
  @InjectMojo(goal = "build")
  void projectErrorIsOneMessageWithItsCauseOnlyInTheDebugLog(BuildMojo mojo) {
    MojoFailureException failure = catchThrowableOfType(MojoFailureException.class, mojo::execute);

    String file = TestSessions.basedir(PROJECT).resolve("package.json").toString();
    assertThat(failure.getMessage())
        .isEqualTo(
            file
                + " is not valid JSON at line 4, column 3: Unexpected character ('\"' (code 34)):"
                + " was expecting comma to separate Object entries. Fix the syntax (npm, pnpm and"
                + " yarn cannot read it either).");
    assertThat(failure.getCause()).isNull();
    assertThat(log.lines())
        .singleElement()
        .asString()
        .startsWith(
            "[debug] container:build stopped because of | dev.containerize.ProjectException")
        .contains("| com.fasterxml.jackson.core.JsonParseException: Unexpected character");
  }
}
