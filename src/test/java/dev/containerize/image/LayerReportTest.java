package dev.containerize.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.build.BuildState;
import dev.containerize.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerReportTest {
  @TempDir Path dir;

  private final RecordingLog log = new RecordingLog();

  @Test
  void aLayerIsNewThenUnchangedThenChangedOnlyWhenItsContentChanges() throws IOException {
    Path file = Files.writeString(dir.resolve("server.js"), "console.log(1)");

    assertThat(report(file)).endsWith("new");
    assertThat(report(file)).endsWith("unchanged (cached)");

    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    assertThat(report(file)).as("rewritten with the same content").endsWith("unchanged (cached)");

    Files.writeString(file, "console.log(2)");
    assertThat(report(file)).endsWith("changed").doesNotEndWith("unchanged (cached)");
  }

  @Test
  void aFileRewrittenWithTheSameContentGetsItsTimeBackSoThatJibsCacheStillMatches()
      throws IOException {
    Path file = Files.writeString(dir.resolve("server.js"), "console.log(1)");
    FileTime built = FileTime.from(Instant.parse("2026-01-02T03:04:05.123456789Z"));
    Files.setLastModifiedTime(file, built);
    report(file);

    Files.writeString(file, "console.log(1)");
    assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(built);
    assertThat(report(file)).endsWith("unchanged (cached)");
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(built);

    Files.writeString(file, "console.log(2)");
    FileTime edited = Files.getLastModifiedTime(file);
    assertThat(report(file)).endsWith("changed");
    assertThat(Files.getLastModifiedTime(file))
        .as("an edited file keeps its time")
        .isEqualTo(edited);
  }

  @Test
  void theLineNamesTheLayerItsFileCountAndSize() throws IOException {
    Path file = Files.writeString(dir.resolve("server.js"), "x".repeat(2500));

    assertThat(report(file)).matches("Layer app: +1 files +2\\.5 kB  new");
  }

  @Test
  void aBuildStoppedBeforeTheImageWasBuiltRecordsNothing() throws IOException {
    Path file = Files.writeString(dir.resolve("server.js"), "one");
    assertThat(report(file)).endsWith("new");
    Files.writeString(file, "three");

    assertThat(report(file, false)).endsWith("changed");
    assertThat(report(file)).as("compared with the last build that completed").endsWith("changed");
    assertThat(report(file)).endsWith("unchanged (cached)");
  }

  private String report(Path file) {
    return report(file, true);
  }

  /** Reports a plan of one layer holding {@code file}, then saves when the build {@code ends}. */
  private String report(Path file, boolean ends) {
    log.clear();
    ImageLayer layer =
        new ImageLayer("app", List.of(ImageFile.file(file, "/app/server.js", false)));
    ImagePlan plan =
        new ImagePlan(
            "scratch",
            List.of(layer),
            List.of("node", "server.js"),
            List.of(),
            new TreeMap<>(Map.of()),
            "1000:1000",
            "/app",
            new TreeSet<>(),
            new TreeMap<>(),
            Instant.EPOCH);
    LayerReport report =
        new LayerReport(
            BuildState.load(dir.resolve("state/layers.properties")),
            dir.resolve("state/times"),
            log);
    report.report(plan);
    if (ends) {
      report.save();
    }
    return log.infos().get(0);
  }
}
