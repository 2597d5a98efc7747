package dev.containerize.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.image.NativePackages.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativePackagesTest {
  private static final Platform GLIBC_AMD64 = new Platform("linux", "amd64", "glibc");
  private static final List<ImageLayer> LAYERS =
      List.of(
          new ImageLayer(
              "dependencies",
              List.of(
                  file("/app/node_modules/@img/sharp-linux-x64/package.json"),
                  file("/app/node_modules/@img/sharp-linux-x64/lib/sharp.node"),
                  file("/app/node_modules/@next/swc-linux-x64-gnu/package.json"),
                  file("/app/node_modules/@next/env/package.json"),
                  file("/app/node_modules/sharp/package.json"))));

  @Test
  void findsSharpAndSwcBinaries() {
    assertThat(NativePackages.find(LAYERS))
        .containsExactly("@img/sharp-linux-x64", "@next/swc-linux-x64-gnu");
  }

  @Test
  void anAlpineBaseImageIsMusl() {
    assertThat(Platform.ofBaseImage("node:22-alpine"))
        .isEqualTo(new Platform("linux", "amd64", "musl"));
    assertThat(Platform.ofBaseImage("node:22-slim")).isEqualTo(GLIBC_AMD64);
  }

  @Test
  void warnsWhenTheBuildMachinesLibcDiffersNamingThePackages() {
    String base = "node:22-alpine";

    assertThat(NativePackages.mismatch(LAYERS, GLIBC_AMD64, Platform.ofBaseImage(base), base))
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .contains("@img/sharp-linux-x64, @next/swc-linux-x64-gnu")
                    .contains("linux/amd64 with glibc")
                    .contains("node:22-alpine is linux/amd64 with musl")
                    .contains("<from><image>"));
  }

  @Test
  void warnsWhenTheBuildMachineIsAMac() {
    Platform mac = new Platform("darwin", "arm64", "");

    assertThat(NativePackages.mismatch(LAYERS, mac, GLIBC_AMD64, "node:22-slim")).isPresent();
  }

  @Test
  void saysNothingWhenThePlatformsMatchOrNoNativePackageShips() {
    List<ImageLayer> plain =
        List.of(new ImageLayer("dependencies", List.of(file("/app/node_modules/a/index.js"))));
    Platform musl = Platform.ofBaseImage("node:22-alpine");

    assertThat(NativePackages.mismatch(LAYERS, GLIBC_AMD64, GLIBC_AMD64, "node:22")).isEmpty();
    assertThat(NativePackages.mismatch(plain, GLIBC_AMD64, musl, "node:22-alpine")).isEmpty();
  }

  @Test
  void tellsMuslFromGlibcByTheDynamicLoader(@TempDir Path lib) throws IOException {
    assertThat(NativePackages.hasMuslLoader(lib)).isFalse();

    Files.createFile(lib.resolve("ld-musl-x86_64.so.1"));

    assertThat(NativePackages.hasMuslLoader(lib)).isTrue();
  }

  @Test
  void namesArchitecturesAsImagePlatformsDo() {
    assertThat(NativePackages.archName("x86_64")).isEqualTo("amd64");
    assertThat(NativePackages.archName("aarch64")).isEqualTo("arm64");
  }

  private static ImageFile file(String path) {
    return ImageFile.file(Path.of("/dev/null"), path, false);
  }
}
