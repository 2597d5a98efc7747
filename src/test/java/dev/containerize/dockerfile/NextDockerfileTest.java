package dev.containerize.dockerfile;

import static dev.containerize.dockerfile.DockerfileRendererTest.assertMatchesGolden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.image.AppLayout;
import dev.containerize.image.ContainerSettings;
import dev.containerize.image.FakeNextBuild;
import dev.containerize.image.ImagePlanner;
import dev.containerize.image.NextServerLayout;
import dev.containerize.image.NextStandaloneLayout;
import dev.containerize.node.NextJsProject;
import dev.containerize.node.NodeProject;
import dev.containerize.node.NodeVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins the Dockerfiles rendered for both Next.js layouts against golden files. */
class NextDockerfileTest {
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
  void standaloneCopiesTheTracedServerStaticFilesAndPublicWithAWritableCache() throws IOException {
    app().standalone("", "b1");
    NextJsProject next = new NextJsProject(dir, Optional.empty(), true, ".next");

    String dockerfile = render(NextStandaloneLayout.of(next, "/app", "1000:1000"));

    assertMatchesGolden(dockerfile, "next-standalone.Dockerfile");
  }

  @Test
  void serverCopiesProductionDependenciesAndTheBuildOutputAndStartsNext() throws IOException {
    app().file(".next/server/app/page.js", "page").commonOutput("b1");
    NextJsProject next =
        new NextJsProject(dir, Optional.of(dir.resolve("next.config.js")), false, ".next");

    String dockerfile = render(NextServerLayout.of(project(), next, "/app", "1000:1000"));

    assertMatchesGolden(dockerfile, "next-server.Dockerfile");
  }

  @Test
  void buildEnvironmentReachesTheBuildStageAndOnlyPublicValuesAreWritten() throws IOException {
    app().standalone("", "b1");
    NextJsProject next = new NextJsProject(dir, Optional.empty(), true, ".next");
    Map<String, String> buildEnvironment =
        Map.of("NEXT_PUBLIC_LABEL", "shop $1", "API_TOKEN", "tok-not-in-the-dockerfile");

    String dockerfile =
        render(
            NextStandaloneLayout.of(next, "/app", "1000:1000"),
            DockerfileRecipe.of(project(), null, buildEnvironment, Optional::empty));

    assertThat(dockerfile)
        .contains("#   docker build --build-arg API_TOKEN -t web:1 .")
        .contains("ARG API_TOKEN\nARG NEXT_PUBLIC_LABEL=\"shop \\$1\"\nRUN npm run build")
        .doesNotContain("tok-not-in-the-dockerfile");
    String imageStage = dockerfile.substring(dockerfile.lastIndexOf("FROM "));
    assertThat(imageStage).doesNotContain("ARG").doesNotContain("NEXT_PUBLIC_LABEL");
  }

  private FakeNextBuild app() {
    return new FakeNextBuild(dir)
        .file(
            "package.json",
            "{\"name\": \"web\", \"scripts\": {\"build\": \"next build\"},"
                + " \"dependencies\": {\"next\": \"16.5.0\"}}")
        .file("package-lock.json", LOCKFILE)
        .file("next.config.js", "module.exports = {};")
        .file("node_modules/next/package.json", "{\"name\": \"next\"}")
        .file("node_modules/next/dist/bin/next", "#!/usr/bin/env node");
  }

  private NodeProject project() {
    return NodeProject.read(dir, null, 20);
  }

  private String render(AppLayout layout) {
    return render(layout, DockerfileRecipe.of(project(), null));
  }

  private String render(AppLayout layout, DockerfileRecipe recipe) {
    var plan =
        ImagePlanner.plan(
            layout,
            ContainerSettings.defaults(),
            new NodeVersion(20, "engines.node"),
            Map.of("org.opencontainers.image.title", "web"));
    return DockerfileRenderer.render(plan, recipe, "web:1", null);
  }
}
