package dev.containerize.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * {@code <skip>} and {@code -Dcontainer.skip} make a goal log one line and do nothing. The module
 * has no {@code package.json} and no image name, so a goal that did not skip would fail.
 */
@MojoTest
@Basedir(SkipTest.PROJECT)
class SkipTest extends MojoFixture {
  static final String PROJECT = "/projects/skip";

  SkipTest() {
    super(PROJECT);
  }

  @Test
  @InjectMojo(goal = "build")
  void xmlSkipLogsOneLineNamingGoalAndReason(BuildMojo mojo) throws Exception {
    mojo.execute();

    assertThat(log.lines())
        .containsExactly("[info] container:build skipped: container.skip is true for this module");
  }

  @Test
  @InjectMojo(goal = "build-tar")
  void skipNamesTheGoalThatSkipped(BuildTarMojo mojo) throws Exception {
    mojo.execute();

    assertThat(log.lines())
        .containsExactly(
            "[info] container:build-tar skipped: container.skip is true for this module");
  }

  @Test
  @InjectMojo(goal = "build")
  void commandLineFalseOverridesXmlSkip(BuildMojo mojo) {
    session.getUserProperties().setProperty("container.skip", "false");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("<to><image>");
    assertThat(log.text()).doesNotContain("skipped");
  }

  @Test
  @InjectMojo(goal = "build")
  void skipThatIsNeitherTrueNorFalseIsAnError(BuildMojo mojo) {
    session.getUserProperties().setProperty("container.skip", "maybe");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("-Dcontainer.skip is \"maybe\": give true or false.");
  }
}
