package dev.containerize.jib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.testing.RecordingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {
  @TempDir Path dir;

  private final RecordingLog log = new RecordingLog();

  @Test
  void inlineAuthOfDockerLoginIsDecoded() throws IOException {
    String auth = base64("pusher:pa55word");
    Path config =
        config("{\"auths\": {\"registry.example.com:5000\": {\"auth\": \"" + auth + "\"}}}");

    RegistryCredential found =
        DockerConfigCredentials.fromFile(config, log).find("registry.example.com:5000").get();

    assertThat(found.username()).isEqualTo("pusher");
    assertThat(found.password()).isEqualTo("pa55word");
    assertThat(found.source()).isEqualTo(config.toString());
  }

  @Test
  void dockerHubIsFoundUnderItsLegacyKey() throws IOException {
    String auth = base64("hubuser:hubpass");
    Path config =
        config("{\"auths\": {\"https://index.docker.io/v1/\": {\"auth\": \"" + auth + "\"}}}");

    assertThat(DockerConfigCredentials.fromFile(config, log).find("registry-1.docker.io"))
        .hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("hubuser"));
  }

  @Test
  void aCredentialHelperNamedForTheRegistryIsAskedWithTheRegistryOnStandardInput()
      throws IOException {
    Path helper = helper("registry.example.com", "helped", "s3cret");
    Path config = config("{\"credHelpers\": {\"registry.example.com\": \"" + helper + "\"}}");

    RegistryCredential found =
        DockerConfigCredentials.fromFile(config, log).find("registry.example.com").get();

    assertThat(found.username()).isEqualTo("helped");
    assertThat(found.password()).isEqualTo("s3cret");
    assertThat(found.source()).isEqualTo("credential helper " + helper);
  }

  @Test
  void theCredentialStoreAnswersWhenNoInlineAuthExists() throws IOException {
    Path helper = helper("other.example.com", "stored", "pw");
    Path config = config("{\"credsStore\": \"" + helper + "\"}");

    assertThat(DockerConfigCredentials.fromFile(config, log).find("other.example.com"))
        .hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("stored"));
  }

  @Test
  void aHelperThatKnowsNothingOfTheRegistryGivesNothing() throws IOException {
    Path helper = helper("registry.example.com", "helped", "s3cret");

    assertThat(DockerConfigCredentials.helper(helper.toString(), log).find("elsewhere.io"))
        .isEmpty();
  }

  @Test
  void noConfigFileGivesNothing() {
    assertThat(DockerConfigCredentials.fromFile(dir.resolve("absent.json"), log).find("x.io"))
        .isEmpty();
  }

  private Path config(String json) throws IOException {
    return Files.writeString(dir.resolve("config.json"), json);
  }

  /** A credential helper that knows one registry, as docker-credential-* programs do. */
  private Path helper(String registry, String user, String secret) throws IOException {
    Path helper = dir.resolve("docker-credential-test");
    Files.writeString(
        helper,
        "#!/bin/sh\n"
            + "[ \"$1\" = get ] || exit 1\n"
            + "read -r server || true\n"
            + "[ \"$server\" = \""
            + registry
            + "\" ] || { echo 'credentials not found' >&2; exit 1; }\n"
            + "printf '{\"ServerURL\":\"%s\",\"Username\":\""
            + user
            + "\",\"Secret\":\""
            + secret
            + "\"}' \"$server\"\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    return helper;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
