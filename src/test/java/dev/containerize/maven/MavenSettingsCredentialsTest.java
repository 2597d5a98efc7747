package dev.containerize.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.jib.RegistryCredential;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * Registry credentials from {@code settings.xml} servers, decrypted with Maven's own decrypter and
 * a {@code settings-security.xml}.
 */
class MavenSettingsCredentialsTest {
  /** The plain text of the encrypted passwords in the test {@code settings.xml}. */
  static final String PASSWORD = "s3cret-Pa55word";

  private static final Path PROJECT = TestSessions.basedir("/projects/credentials");

  private final Settings settings = TestSessions.settings(PROJECT.resolve("settings.xml"));
  private final RecordingLog log = new RecordingLog();

  private MavenSettingsCredentials credentials(String securityFile) {
    DefaultSecDispatcher dispatcher =
        new DefaultSecDispatcher(
            new DefaultPlexusCipher(), Map.of(), PROJECT.resolve(securityFile).toString());
    return new MavenSettingsCredentials(
        settings, new DefaultSettingsDecrypter(dispatcher), new MavenBuildLog(log));
  }

  @Test
  void serverWhoseIdIsHostAndPortIsFoundAndDecrypted() {
    Optional<RegistryCredential> found =
        credentials("settings-security.xml").find("registry.example.com:5000");

    assertThat(found)
        .contains(
            new RegistryCredential(
                "pusher", PASSWORD, "settings.xml server \"registry.example.com:5000\""));
  }

  @Test
  void serverWhoseIdIsTheHostServesEveryPort() {
    Optional<RegistryCredential> found =
        credentials("settings-security.xml").find("mirror.example.net:8443");

    assertThat(found.map(RegistryCredential::username)).contains("puller");
    assertThat(found.map(RegistryCredential::password)).contains(PASSWORD);
  }

  @Test
  void plainPasswordIsTakenAsItIs() {
    Optional<RegistryCredential> found =
        credentials("settings-security.xml").find("registry.example.com");

    assertThat(found.map(RegistryCredential::password)).contains("not-this-one");
  }

  @Test
  void registryWithoutServerHasNoCredential() {
    assertThat(credentials("settings-security.xml").find("other.example.org:5000")).isEmpty();
  }

  @Test
  void noSettingsMeansNoCredential() {
    MavenSettingsCredentials none =
        new MavenSettingsCredentials(null, null, new MavenBuildLog(log));

    assertThat(none.find("registry.example.com:5000")).isEmpty();
  }

  @Test
  void wrongMasterPasswordIsReportedAndTheServerNotUsed() {
    assertThat(credentials("wrong-settings-security.xml").find("registry.example.com:5000"))
        .isEmpty();

    assertThat(log.lines())
        .singleElement()
        .asString()
        .startsWith("[warn] settings.xml server \"registry.example.com:5000\": cannot decrypt")
        .contains("so it is not used; check settings-security.xml");
    assertThat(log.text()).doesNotContain(PASSWORD);
  }

  @Test
  void credentialNeverShowsItsPassword() {
    RegistryCredential found =
        credentials("settings-security.xml").find("registry.example.com:5000").orElseThrow();

    assertThat(found.toString()).contains("pusher").doesNotContain(PASSWORD);
    assertThat(log.text()).doesNotContain(PASSWORD);
  }
}
