package dev.containerize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.dockerfile.DockerfileTarget;
import dev.containerize.image.ContainerSettings;
import dev.containerize.jib.ImageTarget;
import dev.containerize.jib.JibImageWriter;
import dev.containerize.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes that the configuration or {@code package.json} already show stop the build before the
 * install runs or anything is written.
 */
class ContainerBuildCheckTest {
  private static final String IMAGE = "registry.example.com/team/app:1";
  private static final String START = "{\"scripts\": {\"start\": \"node server.js\"}}";

  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();

  @BeforeEach
  void writeProject() throws IOException {
    Files.writeString(dir.resolve("package.json"), START);
    Files.writeString(
        dir.resolve("package-lock.json"),
        "{\"lockfileVersion\": 3, \"requires\": true, \"packages\": {\"\": {}}}");
    Files.writeString(dir.resolve("server.js"), "console.log('hi')");
  }

  @Test
  void invalidImageReferenceStopsBeforeTheProjectIsRead() {
    assertThatThrownBy(() -> run(request(IMAGE.replace("app", "App"), settings(List.of()), null)))
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith("<to><image> (-Dcontainer.to.image or -Dimage) is \"");
    assertThat(log.lines()).isEmpty();
    assertNothingWritten();
  }

  @Test
  void portThatIsNotANumberStopsBeforeTheInstall() {
    assertThatThrownBy(() -> run(request(IMAGE, settings(List.of("http")), null)))
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith("<container><ports> (-Dcontainer.ports) holds \"http\"");
    assertNothingWritten();
  }

  @Test
  void missingConfiguredBuildScriptStopsBeforeTheInstall() {
    assertThatThrownBy(() -> run(request(IMAGE, settings(List.of()), "compile")))
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith("<node><buildScript> (-Dcontainer.node.buildScript) names");
    assertNothingWritten();
  }

  @Test
  void startScriptThatIsNotNodeStopsBeforeTheInstall() throws IOException {
    Files.writeString(dir.resolve("package.json"), START.replace("node ", "nodemon "));

    assertThatThrownBy(() -> run(request(IMAGE, settings(List.of()), null)))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("the start script \"nodemon server.js\" is not a plain");
    assertNothingWritten();
  }

  @Test
  void invalidBaseImageStopsTheDockerfileBeforeTheInstall() {
    ContainerSettings settings =
        new ContainerSettings(
            "Node:20", List.of(), List.of(), Map.of(), List.of(), null, null, Map.of(), null);
    DockerfileTarget target = new DockerfileTarget(dir.resolve("Dockerfile"), dir, false, IMAGE);

    assertThatThrownBy(
            () -> new ContainerBuild(log).writeDockerfile(request(IMAGE, settings, null), target))
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith("<from><image> (-Dcontainer.from.image) is \"Node:20\"");
    assertNothingWritten();
    assertThat(dir.resolve("Dockerfile")).doesNotExist();
  }

  private void assertNothingWritten() {
    assertThat(log.infos()).noneMatch(line -> line.startsWith("Install:"));
    assertThat(dir.resolve("node_modules")).doesNotExist();
    assertThat(dir.resolve("target")).doesNotExist();
  }

  private void run(ContainerRequest request) {
    new ContainerBuild(log).run(request);
  }

  private ContainerRequest request(String image, ContainerSettings settings, String buildScript) {
    Path target = dir.resolve("target");
    return new ContainerRequest(
        dir,
        target,
        new NodeSettings(false, buildScript, null, Map.of()),
        settings,
        new ImageTarget(ImageTarget.Kind.REGISTRY, image, List.of(), null),
        new JibImageWriter.Options(
            false,
            target.resolve("base-cache"),
            target.resolve("container/layer-cache"),
            registry -> Optional.empty(),
            registry -> Optional.empty()),
        Map.of(),
        "test");
  }

  private static ContainerSettings settings(List<String> ports) {
    return new ContainerSettings(
        "scratch", List.of(), List.of(), Map.of(), ports, null, null, Map.of(), null);
  }
}
