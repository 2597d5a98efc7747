package dev.containerize.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.node.ProductionClosure;
import dev.containerize.testing.InstalledPackages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyLayersTest {
  @TempDir Path temp;
  private Path root;
  private InstalledPackages files;

  @BeforeEach
  void workspace() {
    files = new InstalledPackages(temp);
    root = files.root();
    files.write("package.json", "{\"workspaces\": [\"apps/*\", \"packages/*\"]}");
    files.pkg("packages/lib", "@acme/lib", "0.1.0", "left-pad");
    files.write("packages/lib/index.js", "module.exports = 1");
    files.write("packages/lib/.npmrc", "//registry.npmjs.org/:_authToken=lib");
    files.write("packages/lib/.dockerignore", "test/\n");
    files.write("packages/lib/test/lib.test.js", "test");
    files.write("packages/lib/node_modules/.bin/tsc", "#!/usr/bin/env node");
    files.pkg("node_modules/left-pad", "left-pad", "1.3.0");
    files.write("node_modules/left-pad/index.js", "pad");
    files.write("node_modules/left-pad/.npmrc", "//registry.npmjs.org/:_authToken=leaked");
    files.write("node_modules/left-pad/node_modules/.cache/x", "cache");
    files.link("node_modules/@acme/lib", "packages/lib");
  }

  @Test
  void downloadedAndWorkspacePackagesGoToTheirOwnLayersWithoutNodeModulesOrCredentials() {
    files.pkg("apps/web", "web", "1.0.0", "@acme/lib", "left-pad");

    DependencyLayers layers = layersOf("apps/web");

    assertThat(layers.downloaded())
        .extracting(ImageFile::path)
        .containsExactly(
            "/app/node_modules/left-pad",
            "/app/node_modules/left-pad/index.js",
            "/app/node_modules/left-pad/package.json");
    assertThat(layers.workspace())
        .extracting(ImageFile::path)
        .containsExactly(
            "/app/node_modules/@acme",
            "/app/node_modules/@acme/lib",
            "/app/node_modules/@acme/lib/index.js",
            "/app/node_modules/@acme/lib/package.json");
    assertThat(layers.layers())
        .extracting(ImageLayer::name)
        .containsExactly("dependencies", "workspace");
    assertThat(layers.all()).hasSize(7);
  }

  @Test
  void credentialFilesAndFoldersStayOutOfDownloadedPackagesButCertificatesStay() {
    for (String secret :
        List.of(
            ".env.production",
            "config/.env",
            ".yarnrc.yml",
            ".git/config",
            ".aws/credentials",
            ".azure/accessTokens.json",
            ".docker/config.json",
            ".gnupg/private-keys-v1.d/key",
            ".ssh/id_ed25519",
            ".config/gcloud/credentials.db",
            "keys/id_rsa")) {
      files.write("node_modules/left-pad/" + secret, "secret");
    }
    files.write("node_modules/left-pad/.config/settings.json", "{}");
    files.write("node_modules/left-pad/etc/roots.pem", "-----BEGIN CERTIFICATE-----");
    files.pkg("apps/web", "web", "1.0.0", "left-pad");

    DependencyLayers layers = layersOf("apps/web");

    assertThat(layers.downloaded())
        .extracting(ImageFile::path)
        .filteredOn(p -> !p.endsWith("/left-pad"))
        .containsExactly(
            "/app/node_modules/left-pad/.config",
            "/app/node_modules/left-pad/.config/settings.json",
            "/app/node_modules/left-pad/config",
            "/app/node_modules/left-pad/etc",
            "/app/node_modules/left-pad/etc/roots.pem",
            "/app/node_modules/left-pad/index.js",
            "/app/node_modules/left-pad/keys",
            "/app/node_modules/left-pad/package.json");
  }

  @Test
  void appWithoutWorkspacePackagesHasOnlyTheDependenciesLayer() {
    files.pkg("apps/web", "web", "1.0.0", "left-pad");

    DependencyLayers layers = layersOf("apps/web");

    assertThat(layers.workspace()).isEmpty();
    assertThat(layers.layers()).extracting(ImageLayer::name).containsExactly("dependencies");
    assertThat(layers.layers().get(0).sources())
        .containsExactly(LayerSource.productionDependencies());
  }

  private DependencyLayers layersOf(String app) {
    return DependencyLayers.of(
        ProductionClosure.of(root.resolve(app), root), new FileTree(root), "/app");
  }
}
