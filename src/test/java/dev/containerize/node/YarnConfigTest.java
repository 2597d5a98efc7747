package dev.containerize.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YarnConfigTest {
  @TempDir Path dir;

  @Test
  void readsTopLevelLinkerAndYarnPathUnquotedWithoutComments() throws IOException {
    Files.writeString(
        dir.resolve(".yarnrc.yml"),
        """
        npmScopes:
          acme:
            nodeLinker: pnp
        nodeLinker: 'node-modules' # for the image
        yarnPath: ".yarn/releases/yarn-4.5.1.cjs"
        """);

    YarnConfig config = YarnConfig.read(dir).orElseThrow();

    assertThat(config.file()).isEqualTo(dir.resolve(".yarnrc.yml"));
    assertThat(config.nodeLinker()).contains("node-modules");
    assertThat(config.yarnPath()).contains(".yarn/releases/yarn-4.5.1.cjs");
  }

  @Test
  void unsetAndEmptySettingsAreAbsent() throws IOException {
    Files.writeString(dir.resolve(".yarnrc.yml"), "nodeLinker:\nenableTelemetry: false\n");

    YarnConfig config = YarnConfig.read(dir).orElseThrow();

    assertThat(config.nodeLinker()).isEmpty();
    assertThat(config.yarnPath()).isEmpty();
  }

  @Test
  void folderWithoutYarnrcYmlHasNoConfig() throws IOException {
    Files.writeString(dir.resolve(".yarnrc"), "yarn-path \".yarn/releases/yarn-1.22.22.cjs\"\n");

    assertThat(YarnConfig.read(dir)).isEmpty();
  }
}
