package dev.containerize.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import dev.containerize.node.NodeVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImagePlannerTest {
  private static final AppLayout LAYOUT =
      new AppLayout() {
        @Override
        public List<ImageLayer> layers() {
          return List.of(new ImageLayer("app", List.of(ImageFile.directory("/app/lib", "0:0"))));
        }

        @Override
        public List<String> entrypoint() {
          return List.of("node", "server.js");
        }

        @Override
        public Map<String, String> environment() {
          return Map.of("NODE_ENV", "production", "LOG_LEVEL", "info");
        }

        @Override
        public Set<Integer> ports() {
          return Set.of(3000);
        }

        @Override
        public String workingDirectory() {
          return "/app";
        }
      };

  @Test
  void defaultsAreNonRootEpochAndTheLayoutsValues() {
    ImagePlan plan = plan(ContainerSettings.defaults());

    assertThat(plan.baseImage()).isEqualTo("node:20-slim");
    assertThat(plan.user()).isEqualTo("1000:1000");
    assertThat(plan.workingDirectory()).isEqualTo("/app");
    assertThat(plan.entrypoint())
        .containsExactly("node", "--import", StopOnSignal.MODULE_URL, "server.js");
    assertThat(plan.arguments()).isEmpty();
    assertThat(plan.environment())
        .containsExactly(Map.entry("LOG_LEVEL", "info"), Map.entry("NODE_ENV", "production"));
    assertThat(plan.ports()).containsExactly(3000);
    assertThat(plan.labels()).containsExactly(Map.entry("org.opencontainers.image.title", "shop"));
    assertThat(plan.creationTime()).isEqualTo(Instant.EPOCH);
    assertThat(plan.layers()).extracting(ImageLayer::name).containsExactly("app");
    assertThat(ImagePlanner.workingDirectory(ContainerSettings.defaults())).isEqualTo("/app");
  }

  @Test
  void settingsOverrideTheDefaults() {
    ContainerSettings settings =
        new ContainerSettings(
            " registry.example.com/base/node:22 ",
            List.of("node", "--enable-source-maps", "main.js"),
            List.of("--port", "8080"),
            Map.of("LOG_LEVEL", "debug", "TZ", "UTC"),
            List.of("8080", "9229/tcp"),
            "65532",
            "/srv/app/",
            Map.of("org.opencontainers.image.title", "storefront", "team", "web"),
            "2026-01-02T03:04:05Z");

    ImagePlan plan = plan(settings);

    assertThat(plan.baseImage()).isEqualTo("registry.example.com/base/node:22");
    assertThat(plan.entrypoint())
        .containsExactly(
            "node", "--import", StopOnSignal.MODULE_URL, "--enable-source-maps", "main.js");
    assertThat(plan.arguments()).containsExactly("--port", "8080");
    assertThat(plan.environment())
        .containsExactly(
            Map.entry("LOG_LEVEL", "debug"),
            Map.entry("NODE_ENV", "production"),
            Map.entry("TZ", "UTC"));
    assertThat(plan.ports()).containsExactly(3000, 8080, 9229);
    assertThat(plan.user()).isEqualTo("65532");
    assertThat(plan.labels())
        .containsExactly(
            Map.entry("org.opencontainers.image.title", "storefront"), Map.entry("team", "web"));
    assertThat(plan.creationTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(ImagePlanner.workingDirectory(settings)).isEqualTo("/srv/app");
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 22, 24})
  void derivedStartCommandImportsTheSignalModuleRightAfterNode(int major) {
    ImagePlan plan = plan(ContainerSettings.defaults(), major);

    assertThat(plan.entrypoint())
        .containsExactly("node", "--import", StopOnSignal.MODULE_URL, "server.js");
  }

  @Test
  void configuredNodeEntrypointByPathGetsTheSignalModuleAndKeepsItsArguments() {
    ContainerSettings settings =
        withEntrypoint(List.of("/usr/local/bin/node", "--import", "./otel.mjs", "dist/main.js"));

    ImagePlan plan = plan(settings, 22);

    assertThat(plan.entrypoint())
        .containsExactly(
            "/usr/local/bin/node",
            "--import",
            StopOnSignal.MODULE_URL,
            "--import",
            "./otel.mjs",
            "dist/main.js");
  }

  @Test
  void configuredEntrypointThatIsNotNodeIsLeftAsItIs() {
    List<String> tini = List.of("/sbin/tini", "--", "node", "server.js");

    assertThat(plan(withEntrypoint(tini), 20).entrypoint()).isEqualTo(tini);
    assertThat(StopOnSignal.describe(tini, 20)).contains("does not start node", "left as");
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 18})
  void nodeWithoutImportInEveryReleaseKeepsTheStartCommandAndSaysWhy(int major) {
    ImagePlan plan = plan(ContainerSettings.defaults(), major);

    assertThat(plan.entrypoint()).containsExactly("node", "server.js");
    assertThat(StopOnSignal.describe(plan.entrypoint(), major))
        .contains("Node.js " + major, "--import", "ignores SIGTERM", "Node.js 20 or later");
  }

  @Test
  void signalModuleIsImportedOnceWhenTheConfiguredEntrypointAlreadyHasIt() {
    List<String> command = List.of("node", "--import", StopOnSignal.MODULE_URL, "server.js");

    assertThat(plan(withEntrypoint(command), 20).entrypoint()).isEqualTo(command);
    assertThat(StopOnSignal.describe(command, 20)).contains("stops on SIGTERM and SIGINT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "0", "70000", "-1", "3000/udp", ""})
  void badPortNamesTheParameterAndTheValue(String port) {
    ContainerSettings settings = withPorts(List.of("3000", port));

    assertThatThrownBy(() -> plan(settings))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("<container><ports>")
        .hasMessageContaining("-Dcontainer.ports")
        .hasMessageContaining("\"" + port + "\"")
        .hasMessageContaining("1 to 65535");
  }

  @ParameterizedTest
  @ValueSource(strings = {"node", "1000:node", "root", "1000:"})
  void nonNumericUserIsRefused(String user) {
    ContainerSettings settings =
        new ContainerSettings(
            null, List.of(), List.of(), Map.of(), List.of(), user, null, Map.of(), null);

    assertThatThrownBy(() -> plan(settings))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("<container><user>")
        .hasMessageContaining("-Dcontainer.user")
        .hasMessageContaining("\"" + user + "\"");
  }

  @Test
  void creationTimeAcceptsEpochAndCurrentTimestamp() {
    assertThat(ImagePlanner.creationTime("epoch")).isEqualTo(Instant.EPOCH);
    Instant before = Instant.now();
    assertThat(ImagePlanner.creationTime("USE_CURRENT_TIMESTAMP")).isAfterOrEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-01-01", "1700000000"})
  void badCreationTimeIsRefused(String value) {
    assertThatThrownBy(() -> ImagePlanner.creationTime(value))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("<container><creationTime>")
        .hasMessageContaining("-Dcontainer.creationTime")
        .hasMessageContaining("\"" + value + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"app", "./app", "/app/../etc"})
  void relativeWorkingDirectoryIsRefused(String dir) {
    ContainerSettings settings =
        new ContainerSettings(
            null, List.of(), List.of(), Map.of(), List.of(), null, dir, Map.of(), null);

    assertThatThrownBy(() -> ImagePlanner.workingDirectory(settings))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("<container><workingDirectory>")
        .hasMessageContaining("-Dcontainer.workingDirectory")
        .hasMessageContaining("\"" + dir + "\"");
  }

  @Test
  void checkBeforeTheInstallRefusesEveryBadValueNamingItsParameter() {
    Map<String, ContainerSettings> bad =
        Map.of(
            "<container><ports> (-Dcontainer.ports) holds \"http\"",
            withPorts(List.of("3000", "http")),
            "<container><user> (-Dcontainer.user) is \"node\"",
            new ContainerSettings(
                null, List.of(), List.of(), Map.of(), List.of(), "node", null, Map.of(), null),
            "<container><workingDirectory> (-Dcontainer.workingDirectory) is \"app\"",
            new ContainerSettings(
                null, List.of(), List.of(), Map.of(), List.of(), null, "app", Map.of(), null),
            "<container><creationTime> (-Dcontainer.creationTime) is \"now\"",
            new ContainerSettings(
                null, List.of(), List.of(), Map.of(), List.of(), null, null, Map.of(), "now"));

    bad.forEach(
        (message, settings) ->
            assertThatThrownBy(() -> ImagePlanner.check(settings))
                .isInstanceOf(ProjectException.class)
                .hasMessageStartingWith(message));
  }

  @Test
  void checkPassesDefaultsAndGoodValues() {
    assertThatCode(() -> ImagePlanner.check(ContainerSettings.defaults()))
        .doesNotThrowAnyException();
    assertThatCode(() -> ImagePlanner.check(withPorts(List.of("8080", "9090/tcp"))))
        .doesNotThrowAnyException();
  }

  private static ContainerSettings withPorts(List<String> ports) {
    return new ContainerSettings(
        null, List.of(), List.of(), Map.of(), ports, null, null, Map.of(), null);
  }

  private static ContainerSettings withEntrypoint(List<String> entrypoint) {
    return new ContainerSettings(
        null, entrypoint, List.of(), Map.of(), List.of(), null, null, Map.of(), null);
  }

  private static ImagePlan plan(ContainerSettings settings) {
    return plan(settings, 20);
  }

  private static ImagePlan plan(ContainerSettings settings, int major) {
    return ImagePlanner.plan(
        LAYOUT,
        settings,
        new NodeVersion(major, "engines.node"),
        Map.of("org.opencontainers.image.title", "shop"));
  }
}
