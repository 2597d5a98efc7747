package dev.containerize.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.containerize.ContainerRequest;
import java.util.Properties;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * The documented order: a {@code -D} user property beats the XML, which beats a same-named property
 * in the POM's {@code <properties>}, which beats the default.
 */
@MojoTest
@Basedir(ParameterPrecedenceTest.PROJECT)
class ParameterPrecedenceTest {
  static final String PROJECT = "/projects/precedence";

  private final MavenSession session = TestSessions.session(PROJECT);

  @Provides
  MavenSession session() {
    return session;
  }

  private Properties commandLine() {
    return session.getUserProperties();
  }

  @Test
  @InjectMojo(goal = "build")
  void xmlBeatsPomProperty(BuildMojo mojo) throws MojoFailureException {
    ContainerRequest request = mojo.prepare().orElseThrow();

    assertThat(request.container().baseImage()).isEqualTo("xml/base:1");
    assertThat(request.target().image()).isEqualTo("xml/app:1");
    assertThat(request.target().tags()).containsExactly("xml-tag");
    assertThat(request.container().labels()).containsExactly(entry("source", "xml"));
    assertThat(request.registries().allowInsecureRegistries()).isTrue();
  }

  @Test
  @InjectMojo(goal = "build")
  void pomPropertyBeatsDefault(BuildMojo mojo) throws MojoFailureException {
    ContainerRequest request = mojo.prepare().orElseThrow();

    assertThat(request.container().user()).isEqualTo("3000");
    assertThat(request.node().skip()).isTrue();
  }

  @Test
  @InjectMojo(goal = "build")
  void defaultsApplyWhereNothingIsSet(BuildMojo mojo) throws MojoFailureException {
    ContainerRequest request = mojo.prepare().orElseThrow();

    assertThat(request.container().entrypoint()).isEmpty();
    assertThat(request.container().arguments()).isEmpty();
    assertThat(request.container().creationTime()).isNull();
    assertThat(request.node().buildScript()).isNull();
    assertThat(request.node().packageManager()).isNull();
    assertThat(request.node().buildEnvironment()).isEmpty();
  }

  @Test
  @InjectMojo(goal = "build")
  void commandLineBeatsXml(BuildMojo mojo) throws MojoFailureException {
    commandLine().setProperty("container.from.image", "cli/base:1");
    commandLine().setProperty("container.to.tags", "cli-1,cli-2");
    commandLine().setProperty("container.workingDirectory", "/cli");
    commandLine().setProperty("container.labels", "source=cli");
    commandLine().setProperty("container.allowInsecureRegistries", "false");

    ContainerRequest request = mojo.prepare().orElseThrow();

    assertThat(request.container().baseImage()).isEqualTo("cli/base:1");
    assertThat(request.target().tags()).containsExactly("cli-1", "cli-2");
    assertThat(request.container().workingDirectory()).isEqualTo("/cli");
    assertThat(request.container().labels()).containsExactly(entry("source", "cli"));
    assertThat(request.registries().allowInsecureRegistries()).isFalse();
  }

  @Test
  @InjectMojo(goal = "build")
  void commandLineBeatsPomProperty(BuildMojo mojo) throws MojoFailureException {
    commandLine().setProperty("container.user", "4000:4000");
    commandLine().setProperty("container.node.skip", "false");

    ContainerRequest request = mojo.prepare().orElseThrow();

    assertThat(request.container().user()).isEqualTo("4000:4000");
    assertThat(request.node().skip()).isFalse();
  }

  @Test
  @InjectMojo(goal = "build")
  void emptyCommandLineBooleanMeansTrue(BuildMojo mojo) throws MojoFailureException {
    commandLine().setProperty("container.node.skip", "");
    commandLine().setProperty("container.allowInsecureRegistries", " TRUE ");

    ContainerRequest request = mojo.prepare().orElseThrow();

    assertThat(request.node().skip()).isTrue();
    assertThat(request.registries().allowInsecureRegistries()).isTrue();
  }

  @Test
  @InjectMojo(goal = "build")
  void imageIsShortForContainerToImage(BuildMojo mojo) throws MojoFailureException {
    commandLine().setProperty("image", "short/app:2");

    assertThat(mojo.prepare().orElseThrow().target().image()).isEqualTo("short/app:2");
  }

  @Test
  @InjectMojo(goal = "build")
  void containerToImageWinsOverImage(BuildMojo mojo) throws MojoFailureException {
    commandLine().setProperty("image", "short/app:2");
    commandLine().setProperty("container.to.image", "long/app:3");

    assertThat(mojo.prepare().orElseThrow().target().image()).isEqualTo("long/app:3");
  }

  @Test
  @InjectMojo(goal = "build")
  void listsAreCommaSeparatedAndTrimmed(BuildMojo mojo) throws MojoFailureException {
    commandLine().setProperty("container.entrypoint", " node , server.js ,");
    commandLine().setProperty("container.args", "--a,,--b");

    ContainerRequest request = mojo.prepare().orElseThrow();

    assertThat(request.container().entrypoint()).containsExactly("node", "server.js");
    assertThat(request.container().arguments()).containsExactly("--a", "--b");
    assertThat(request.container().ports()).containsExactly("1000", "2000", "3000");
  }

  @Test
  @InjectMojo(goal = "build")
  void mapsAreKeyValuePairsSeparatedByCommas(BuildMojo mojo) throws MojoFailureException {
    commandLine().setProperty("container.node.buildEnvironment", "CI=1,TOKEN_FILE=/run/a=b");

    ContainerRequest request = mojo.prepare().orElseThrow();

    assertThat(request.container().environment())
        .containsExactly(entry("A", "1"), entry("B", "two words"), entry("C", ""));
    assertThat(request.node().buildEnvironment())
        .containsExactly(entry("CI", "1"), entry("TOKEN_FILE", "/run/a=b"));
  }

  @Test
  @InjectMojo(goal = "build")
  void malformedMapEntryNamesTheProperty(BuildMojo mojo) {
    commandLine().setProperty("container.labels", "team=web,nonsense");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("container.labels")
        .hasMessageContaining("\"nonsense\"")
        .hasMessageContaining("KEY=VALUE");
  }

  @Test
  @InjectMojo(goal = "build")
  void mapEntryWithoutKeyIsMalformed(BuildMojo mojo) {
    commandLine().setProperty("container.environment", "=value");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("container.environment")
        .hasMessageContaining("\"=value\"");
  }

  @Test
  @InjectMojo(goal = "build")
  void booleanThatIsNeitherTrueNorFalseNamesTheProperty(BuildMojo mojo) {
    commandLine().setProperty("container.allowInsecureRegistries", "yes");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("container.allowInsecureRegistries")
        .hasMessageContaining("\"yes\"")
        .hasMessageContaining("true or false");
  }
}
