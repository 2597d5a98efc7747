package dev.containerize.jib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.image.ContainerSettings;
import dev.containerize.image.ImagePlan;
import dev.containerize.image.ImagePlanner;
import dev.containerize.image.NodeAppLayout;
import dev.containerize.node.NodeProject;
import dev.containerize.node.NodeVersion;
import dev.containerize.node.StartCommand;
import dev.containerize.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes images of the same app to tar files on scratch, which needs no registry. */
class JibImageWriterTest {
  private static final Map<String, String> APP = new LinkedHashMap<>();

  static {
    APP.put("package.json", "{\"name\": \"tiny\", \"scripts\": {\"start\": \"node server.js\"}}");
    APP.put(
        "package-lock.json",
        "{\"name\": \"tiny\", \"lockfileVersion\": 3, \"packages\": {\"\": {\"name\": \"tiny\"},"
            + " \"node_modules/ms\": {\"version\": \"2.1.3\"}}}");
    APP.put("server.js", "require('./lib/routes')");
    APP.put("lib/routes.js", "module.exports = {}");
    APP.put("lib/views/home.html", "<h1>hi</h1>");
    APP.put("bin/tool.sh", "#!/bin/sh\necho tool\n");
    APP.put("node_modules/ms/index.js", "module.exports = 1");
  }

  @TempDir Path temp;

  @Test
  void sameAppFromDifferentFoldersAndTimesGivesTheSameDigest() throws IOException {
    Path first =
        createApp("first", APP, List.copyOf(APP.keySet()), Instant.parse("2020-01-01T00:00:00Z"));
    List<String> reversed = new ArrayList<>(APP.keySet());
    Collections.reverse(reversed);
    Path second = createApp("second", APP, reversed, Instant.parse("2025-06-30T12:34:56Z"));

    BuildResult a = writeTar(first, "a");
    BuildResult b = writeTar(second, "b");

    assertThat(a.imageDigest()).startsWith("sha256:").isEqualTo(b.imageDigest());
    assertThat(a.imageId()).startsWith("sha256:").isEqualTo(b.imageId());
    assertThat(temp.resolve("a.tar")).isRegularFile();
  }

  @Test
  void oneChangedByteChangesTheDigest() throws IOException {
    Instant time = Instant.parse("2024-01-01T00:00:00Z");
    Path first = createApp("first", APP, List.copyOf(APP.keySet()), time);
    Map<String, String> changed = new LinkedHashMap<>(APP);
    changed.put("lib/routes.js", "module.exports = []");
    Path second = createApp("second", changed, List.copyOf(changed.keySet()), time);

    BuildResult a = writeTar(first, "a");
    BuildResult b = writeTar(second, "b");

    assertThat(a.imageDigest()).isNotEqualTo(b.imageDigest());
    assertThat(a.imageId()).isNotEqualTo(b.imageId());
  }

  @Test
  void changedExecutableBitChangesTheDigest() throws IOException {
    Instant time = Instant.parse("2024-01-01T00:00:00Z");
    Path first = createApp("first", APP, List.copyOf(APP.keySet()), time);
    Path second = createApp("second", APP, List.copyOf(APP.keySet()), time);
    Files.setPosixFilePermissions(
        second.resolve("bin/tool.sh"), PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(writeTar(first, "a").imageDigest())
        .isNotEqualTo(writeTar(second, "b").imageDigest());
  }

  private BuildResult writeTar(Path project, String name) {
    NodeProject node = NodeProject.read(project, null, 20);
    StartCommand start = StartCommand.derive(node.packageJson(), node.directory());
    ImagePlan plan =
        ImagePlanner.plan(
            NodeAppLayout.of(node, start, "/app"),
            new ContainerSettings(
                "scratch", List.of(), List.of(), Map.of(), List.of(), null, null, Map.of(), null),
            new NodeVersion(20, "engines.node"),
            Map.of("org.opencontainers.image.title", "tiny"));
    ImageTarget target =
        new ImageTarget(
            ImageTarget.Kind.TAR, "example.test/tiny:1", List.of(), temp.resolve(name + ".tar"));
    JibImageWriter.Options options =
        new JibImageWriter.Options(
            false,
            temp.resolve(name + "-cache/base"),
            temp.resolve(name + "-cache/app"),
            registry -> Optional.empty(),
            registry -> Optional.empty());
    return new JibImageWriter(new RecordingLog(), "test").write(plan, target, options);
  }

  /** Creates the app's files in {@code order}, all with modification time {@code time}. */
  private Path createApp(String name, Map<String, String> files, List<String> order, Instant time)
      throws IOException {
    Path root = Files.createDirectories(temp.resolve(name));
    for (String relative : order) {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, files.get(relative));
      if (relative.endsWith(".sh")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        Files.setLastModifiedTime(path, FileTime.from(time));
      }
    }
    return root;
  }
}
