package dev.containerize.image;

import static dev.containerize.image.NextStandaloneLayoutTest.allPaths;
import static dev.containerize.image.NextStandaloneLayoutTest.paths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.containerize.ProjectException;
import dev.containerize.node.NextJsProject;
import dev.containerize.node.NodeProject;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextServerLayoutTest {
  private static final String LOCKFILE =
      """
      {"name": "web", "lockfileVersion": 3, "packages": {
        "": {"name": "web"},
        "node_modules/next": {"version": "16.5.0"},
        "node_modules/typescript": {"version": "5.9.3", "dev": true}
      }}
      """;

  @TempDir Path dir;

  @Test
  void startsNextThroughNodeWithProductionDependencies() {
    app("{\"next\": \"16.5.0\"}");

    NextServerLayout layout = NextServerLayout.of(project(), next(), "/app", "1000:1000");

    assertThat(layout.entrypoint())
        .containsExactly("node", "node_modules/next/dist/bin/next", "start");
    assertThat(layout.layers())
        .extracting(ImageLayer::name)
        .containsExactly("dependencies", "public", "static", "app");
    assertThat(paths(layout, "dependencies")).contains("/app/node_modules/next/dist/bin/next");
    assertThat(allPaths(layout)).noneMatch(p -> p.contains("typescript"));
    assertThat(paths(layout, "public")).containsExactly("/app/public/robots.txt");
    assertThat(paths(layout, "static")).contains("/app/.next/static/chunks/main-1.js");
    assertThat(layout.ports()).containsExactly(3000);
  }

  @Test
  void shipsTheBuildOutputEvenWhenDockerignoreNamesIt() {
    app("{\"next\": \"16.5.0\"}")
        .file(".dockerignore", ".next\nnode_modules\nREADME.md\n")
        .file("README.md", "# web");

    NextServerLayout layout = NextServerLayout.of(project(), next(), "/app", "1000:1000");

    assertThat(paths(layout, "app"))
        .contains("/app/.next/BUILD_ID", "/app/.next/server/app/page.js", "/app/package.json")
        .doesNotContain("/app/README.md");
  }

  @Test
  void leavesOutTheBuildCacheAndSecretsAndOwnsOnlyTheCache() {
    app("{\"next\": \"16.5.0\"}").file(".next/trace", "{}").file(".next/server/.env", "X=1");

    NextServerLayout layout = NextServerLayout.of(project(), next(), "/app", "1000:1000");

    assertThat(allPaths(layout))
        .noneMatch(p -> p.startsWith("/app/.next/cache/"))
        .noneMatch(p -> p.contains(".env"))
        .doesNotContain("/app/.next/trace");
    assertThat(layout.layers().stream().flatMap(l -> l.files().stream()))
        .filteredOn(f -> !f.owner().equals(ImageFile.ROOT))
        .containsExactly(ImageFile.directory("/app/.next/cache", "1000:1000"));
  }

  @Test
  void refusesNextAsADevDependencyNamingTheFix() {
    app("{}")
        .file("package.json", "{\"name\": \"web\", \"devDependencies\": {\"next\": \"16.5.0\"}}")
        .file("package-lock.json", LOCKFILE.replace("\"16.5.0\"}", "\"16.5.0\", \"dev\": true}"));

    assertThatThrownBy(() -> NextServerLayout.of(project(), next(), "/app", "1000:1000"))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("does not list \"next\" under \"dependencies\"")
        .hasMessageContaining("output: 'standalone'");
  }

  private FakeNextBuild app(String dependencies) {
    return new FakeNextBuild(dir)
        .file("package.json", "{\"name\": \"web\", \"dependencies\": " + dependencies + "}")
        .file("package-lock.json", LOCKFILE)
        .file("next.config.js", "module.exports = {};")
        .file("node_modules/next/package.json", "{\"name\": \"next\"}")
        .file("node_modules/next/dist/bin/next", "#!/usr/bin/env node")
        .file("node_modules/typescript/package.json", "{\"name\": \"typescript\"}")
        .file(".next/server/app/page.js", "page")
        .commonOutput("b1");
  }

  private NodeProject project() {
    return NodeProject.read(dir, null, 20);
  }

  private NextJsProject next() {
    return new NextJsProject(dir, Optional.of(dir.resolve("next.config.js")), false, ".next");
  }
}
