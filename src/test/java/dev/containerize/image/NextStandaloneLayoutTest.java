package dev.containerize.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import dev.containerize.build.Fingerprint;
import dev.containerize.node.NextJsProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextStandaloneLayoutTest {
  @TempDir Path dir;

  @Test
  void placesPublicAndStaticNextToServerJs() {
    new FakeNextBuild(dir).standalone("", "b1");

    NextStandaloneLayout layout = NextStandaloneLayout.of(next(dir), "/app", "1000:1000");

    assertThat(layout.layers())
        .extracting(ImageLayer::name)
        .containsExactly("dependencies", "public", "static", "app");
    assertThat(paths(layout, "dependencies"))
        .contains("/app/node_modules/next/package.json", "/app/node_modules/next/dist/server");
    assertThat(paths(layout, "public")).containsExactly("/app/public/robots.txt");
    assertThat(paths(layout, "static"))
        .contains("/app/.next/static/chunks/main-1.js", "/app/.next/static/b1/_buildManifest.js");
    assertThat(paths(layout, "app"))
        .contains("/app/server.js", "/app/.next/BUILD_ID", "/app/.next/server/app/page.js");
    assertThat(layout.entrypoint()).containsExactly("node", "server.js");
    assertThat(layout.workingDirectory()).isEqualTo("/app");
  }

  @Test
  void shipsNoEnvFilesNoStaleCacheAndNoSources() {
    new FakeNextBuild(dir).standalone("", "b1");

    NextStandaloneLayout layout = NextStandaloneLayout.of(next(dir), "/app", "1000:1000");

    Set<String> all = allPaths(layout);
    assertThat(all).noneMatch(p -> p.contains(".env"));
    assertThat(all).noneMatch(p -> p.startsWith("/app/.next/cache/"));
    assertThat(all).noneMatch(p -> p.startsWith("/app/app/"));
  }

  @Test
  void onlyTheCacheFolderBelongsToTheRuntimeUser() {
    new FakeNextBuild(dir).standalone("", "b1");

    NextStandaloneLayout layout = NextStandaloneLayout.of(next(dir), "/app", "1001:1002");

    List<ImageFile> notRoot =
        layout.layers().stream()
            .flatMap(l -> l.files().stream())
            .filter(f -> !f.owner().equals(ImageFile.ROOT))
            .toList();
    assertThat(notRoot).containsExactly(ImageFile.directory("/app/.next/cache", "1001:1002"));
  }

  @Test
  void setsTheRunTimeEnvironmentAndPort() {
    new FakeNextBuild(dir).standalone("", "b1");

    NextStandaloneLayout layout = NextStandaloneLayout.of(next(dir), "/srv", "1000:1000");

    assertThat(layout.environment())
        .isEqualTo(
            Map.of(
                "NODE_ENV", "production",
                "PORT", "3000",
                "HOSTNAME", "0.0.0.0",
                "NEXT_TELEMETRY_DISABLED", "1"));
    assertThat(layout.ports()).containsExactly(3000);
  }

  @Test
  void findsServerJsUnderTheAppsPathInAMonorepo() throws IOException {
    Path web = dir.resolve("apps/web");
    new FakeNextBuild(web)
        .standalone("apps/web", "b1")
        .file(".next/standalone/apps/web/node_modules/local-only/index.js", "")
        .file(".next/standalone/packages/ui/index.js", "export const Button = 1;");

    NextStandaloneLayout layout = NextStandaloneLayout.of(next(web), "/app", "1000:1000");

    assertThat(layout.entrypoint()).containsExactly("node", "apps/web/server.js");
    assertThat(layout.layers())
        .extracting(ImageLayer::name)
        .containsExactly("dependencies", "workspace", "public", "static", "app");
    assertThat(paths(layout, "dependencies"))
        .contains(
            "/app/node_modules/next/package.json",
            "/app/apps/web/node_modules/local-only/index.js");
    assertThat(paths(layout, "workspace")).contains("/app/packages/ui/index.js");
    assertThat(paths(layout, "public")).containsExactly("/app/apps/web/public/robots.txt");
    assertThat(paths(layout, "static")).contains("/app/apps/web/.next/static/chunks/main-1.js");
    assertThat(paths(layout, "app"))
        .contains("/app/apps/web/server.js", "/app/apps/web/.next/cache");
  }

  @Test
  void replacesLinksInsideTheProjectByWhatTheyPointTo() throws IOException {
    new FakeNextBuild(dir)
        .standalone("", "b1")
        .file(".next/standalone/node_modules/.pnpm/react@19/node_modules/react/index.js", "r");
    Path link = dir.resolve(".next/standalone/node_modules/react");
    Files.createSymbolicLink(link, Path.of(".pnpm/react@19/node_modules/react"));

    NextStandaloneLayout layout = NextStandaloneLayout.of(next(dir), "/app", "1000:1000");

    assertThat(paths(layout, "dependencies")).contains("/app/node_modules/react/index.js");
  }

  @Test
  void aPageEditChangesOnlyTheStaticAndAppLayers() {
    FakeNextBuild build = new FakeNextBuild(dir).standalone("", "b1");
    Map<String, String> before = contents(NextStandaloneLayout.of(next(dir), "/app", "1000:1000"));

    build
        .file(".next/standalone/.next/server/app/page.js", "edited page")
        .file(".next/standalone/.next/BUILD_ID", "b2")
        .file(".next/BUILD_ID", "b2")
        .file(".next/static/b2/_buildManifest.js", "self.__BUILD_MANIFEST={}");
    deleteTree(dir.resolve(".next/static/b1"));
    Map<String, String> after = contents(NextStandaloneLayout.of(next(dir), "/app", "1000:1000"));

    assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
    assertThat(before.keySet())
        .filteredOn(name -> !before.get(name).equals(after.get(name)))
        .containsExactly("static", "app");
  }

  @Test
  void refusesStandaloneOutputWithoutServerJs() throws IOException {
    new FakeNextBuild(dir).standalone("", "b1");
    Files.delete(dir.resolve(".next/standalone/server.js"));

    assertThatThrownBy(() -> NextStandaloneLayout.of(next(dir), "/app", "1000:1000"))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("holds no server.js")
        .hasMessageContaining("build again");
  }

  @Test
  void refusesAnAppThatWasNotBuilt() throws IOException {
    Files.createDirectories(dir.resolve(".next/standalone"));

    assertThatThrownBy(() -> NextStandaloneLayout.of(next(dir), "/app", "1000:1000"))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("BUILD_ID does not exist")
        .hasMessageContaining("\"build\": \"next build\"");
  }

  static NextJsProject next(Path dir) {
    return new NextJsProject(dir, java.util.Optional.empty(), true, ".next");
  }

  static List<String> paths(AppLayout layout, String layerName) {
    return layout.layers().stream()
        .filter(l -> l.name().equals(layerName))
        .flatMap(l -> l.files().stream())
        .map(ImageFile::path)
        .toList();
  }

  static Set<String> allPaths(AppLayout layout) {
    return layout.layers().stream()
        .flatMap(l -> l.files().stream())
        .map(ImageFile::path)
        .collect(Collectors.toSet());
  }

  /** Each layer's name and a digest of its entries and their content, in layer order. */
  static Map<String, String> contents(AppLayout layout) {
    Map<String, String> digests = new LinkedHashMap<>();
    for (ImageLayer layer : layout.layers()) {
      Fingerprint fp = Fingerprint.start();
      for (ImageFile file : layer.files()) {
        fp.add(file.path()).add(file.owner()).add(Integer.toOctalString(file.mode()));
        if (!file.isDirectory()) {
          fp.addContent(file.source());
        }
      }
      digests.put(layer.name(), fp.hex());
    }
    return digests;
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
