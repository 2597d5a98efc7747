package dev.containerize.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.containerize.ContainerRequest;
import dev.containerize.NodeSettings;
import dev.containerize.image.ContainerSettings;
import dev.containerize.jib.ImageTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** Every block of the XML configuration reaches the request the goals build. */
@MojoTest
@Basedir(MojoConfigurationTest.PROJECT)
class MojoConfigurationTest {
  static final String PROJECT = "/projects/full-config";

  private final MavenSession session = TestSessions.session(PROJECT);

  @Provides
  MavenSession session() {
    return session;
  }

  @Test
  @InjectMojo(goal = "build")
  void fromAndToReachTheTarget(BuildMojo mojo) throws MojoFailureException {
    ContainerRequest request = mojo.prepare().orElseThrow();

    assertThat(request.container().baseImage())
        .isEqualTo("registry.example.com:5000/base/node:20-slim");
    assertThat(request.target())
        .isEqualTo(
            new ImageTarget(
                ImageTarget.Kind.REGISTRY,
                "registry.example.com:5000/team/app:1.0",
                List.of("latest", "1"),
                null));
  }

  @Test
  @InjectMojo(goal = "build")
  void containerBlockReachesTheImageSettings(BuildMojo mojo) throws MojoFailureException {
    ContainerSettings container = mojo.prepare().orElseThrow().container();

    assertThat(container.entrypoint()).containsExactly("node", "dist/server.js");
    assertThat(container.arguments()).containsExactly("--port", "8080");
    assertThat(container.environment())
        .containsExactly(entry("GREETING", "hello"), entry("LOG_LEVEL", "debug"));
    assertThat(container.ports()).containsExactly("8080", "9090/udp");
    assertThat(container.user()).isEqualTo("2000:3000");
    assertThat(container.workingDirectory()).isEqualTo("/srv/app");
    assertThat(container.labels()).containsExactly(entry("org.example.team", "web"));
    assertThat(container.creationTime()).isEqualTo("2024-01-02T03:04:05Z");
  }

  @Test
  @InjectMojo(goal = "build")
  void nodeBlockReachesTheNodeSettings(BuildMojo mojo) throws MojoFailureException {
    NodeSettings node = mojo.prepare().orElseThrow().node();

    assertThat(node)
        .isEqualTo(
            new NodeSettings(
                true, "compile", "pnpm", Map.of("NEXT_PUBLIC_API", "https://api.example.com")));
  }

  @Test
  @InjectMojo(goal = "build")
  void insecureRegistriesAndDirectoriesReachTheRequest(BuildMojo mojo) throws MojoFailureException {
    ContainerRequest request = mojo.prepare().orElseThrow();

    Path basedir = TestSessions.basedir(PROJECT);
    assertThat(request.registries().allowInsecureRegistries()).isTrue();
    assertThat(request.projectDirectory()).isEqualTo(basedir.resolve("web"));
    assertThat(request.buildDirectory()).isEqualTo(basedir.resolve("target"));
    assertThat(request.registries().applicationCache())
        .isEqualTo(basedir.resolve("target/container/layer-cache"));
  }

  @Test
  @InjectMojo(goal = "build")
  void pomDescribesTheImageInOciLabels(BuildMojo mojo) throws MojoFailureException {
    ContainerRequest request = mojo.prepare().orElseThrow();

    assertThat(request.buildLabels())
        .containsOnly(
            entry("org.opencontainers.image.title", "full-config"),
            entry("org.opencontainers.image.version", "1.2.3"),
            entry("org.opencontainers.image.description", "A web app with everything configured."),
            entry("org.opencontainers.image.url", "https://app.example.com"),
            entry("org.opencontainers.image.source", "https://git.example.com/team/app"),
            entry("org.opencontainers.image.licenses", "MIT"));
    assertThat(request.toolVersion()).isEqualTo(mojo.plugin.getVersion()).isNotBlank();
  }

  @Test
  @InjectMojo(goal = "build-tar")
  void buildTarTakesTheSameConfiguration(BuildTarMojo mojo) throws MojoFailureException {
    ContainerRequest request = mojo.prepare().orElseThrow();

    assertThat(request.target().kind()).isEqualTo(ImageTarget.Kind.TAR);
    assertThat(request.target().image()).isEqualTo("registry.example.com:5000/team/app:1.0");
    assertThat(request.target().tags()).containsExactly("latest", "1");
    assertThat(request.container().entrypoint()).containsExactly("node", "dist/server.js");
    assertThat(request.node().packageManager()).isEqualTo("pnpm");
  }

  @Test
  @InjectMojo(goal = "docker-build")
  void dockerBuildTakesTheSameConfiguration(DockerBuildMojo mojo) throws MojoFailureException {
    ContainerRequest request = mojo.prepare().orElseThrow();

    assertThat(request.target())
        .isEqualTo(
            new ImageTarget(
                ImageTarget.Kind.DOCKER,
                "registry.example.com:5000/team/app:1.0",
                List.of("latest", "1"),
                null));
    assertThat(request.container().user()).isEqualTo("2000:3000");
    assertThat(request.registries().allowInsecureRegistries()).isTrue();
  }
}
