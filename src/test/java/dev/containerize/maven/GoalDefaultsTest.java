package dev.containerize.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.jib.ImageTarget;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** What each goal does with no configuration at all, in a module named {@code Web-App}. */
@MojoTest
@Basedir(GoalDefaultsTest.PROJECT)
class GoalDefaultsTest extends MojoFixture {
  static final String PROJECT = "/projects/minimal";

  GoalDefaultsTest() {
    super(PROJECT);
  }

  @Test
  @InjectMojo(goal = "build")
  void buildWithoutImageNamesBothWaysToSetIt(BuildMojo mojo) {
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("container:build")
        .hasMessageContaining("<to><image>")
        .hasMessageContaining("-Dimage=");
  }

  @Test
  @InjectMojo(goal = "build")
  void buildWithBlankImageIsRefusedToo(BuildMojo mojo) {
    session.getUserProperties().setProperty("image", " ");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("<to><image>");
  }

  @Test
  @InjectMojo(goal = "build-tar")
  void buildTarDefaultsToArtifactIdAndVersionInLowerCase(BuildTarMojo mojo)
      throws MojoFailureException {
    ImageTarget target = mojo.prepare().orElseThrow().target();

    Path tar = TestSessions.basedir(PROJECT).resolve("target/container-image.tar");
    assertThat(target)
        .isEqualTo(new ImageTarget(ImageTarget.Kind.TAR, "web-app:2.0.0-snapshot", List.of(), tar));
  }

  @Test
  @InjectMojo(goal = "build-tar")
  void buildTarFileIsSetByProperty(BuildTarMojo mojo) throws MojoFailureException {
    session.getUserProperties().setProperty("container.tarFile", "/tmp/elsewhere/app.tar");

    assertThat(mojo.prepare().orElseThrow().target().tarFile())
        .isEqualTo(Path.of("/tmp/elsewhere/app.tar"));
  }

  @Test
  @InjectMojo(goal = "docker-build")
  void dockerBuildDefaultsToArtifactIdAndVersionInLowerCase(DockerBuildMojo mojo)
      throws MojoFailureException {
    ImageTarget target = mojo.prepare().orElseThrow().target();

    assertThat(target.kind()).isEqualTo(ImageTarget.Kind.DOCKER);
    assertThat(target.image()).isEqualTo("web-app:2.0.0-snapshot");
  }

  @Test
  @InjectMojo(goal = "build")
  void pomPropertyContainerToImageWinsOverPomPropertyImage(BuildMojo mojo)
      throws MojoFailureException {
    session.getCurrentProject().getProperties().setProperty("image", "short/app:1");
    session.getCurrentProject().getProperties().setProperty("container.to.image", "long/app:1");

    assertThat(mojo.prepare().orElseThrow().target().image()).isEqualTo("long/app:1");
  }

  @Test
  @InjectMojo(goal = "build")
  void goalThatRunsLogsNoSkip(BuildMojo mojo) throws MojoFailureException {
    session.getUserProperties().setProperty("image", "app:1");

    assertThat(mojo.prepare()).isPresent();
    assertThat(log.text()).doesNotContain("skipped");
  }
}
