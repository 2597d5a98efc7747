package dev.containerize.maven;

import static dev.containerize.maven.MavenSettingsCredentialsTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.containerize.ContainerRequest;
import dev.containerize.jib.RegistryCredential;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The goals find registry credentials in the session's {@code settings.xml} servers through the
 * decrypter Maven injects, and never log the password.
 */
@MojoTest
@Basedir(CredentialsMojoTest.PROJECT)
class CredentialsMojoTest extends MojoFixture {
  static final String PROJECT = "/projects/credentials";

  /** The system property by which Maven's decrypter finds {@code settings-security.xml}. */
  private static final String SECURITY = "settings.security";

  private String securityBefore;

  CredentialsMojoTest() {
    super(PROJECT);
  }

  @BeforeEach
  void useTestMasterPassword() {
    securityBefore = System.getProperty(SECURITY);
    useSecurityFile("settings-security.xml");
  }

  private static void useSecurityFile(String name) {
    System.setProperty(SECURITY, TestSessions.basedir(PROJECT).resolve(name).toString());
  }

  @AfterEach
  void restoreMasterPassword() {
    if (securityBefore == null) {
      System.clearProperty(SECURITY);
    } else {
      System.setProperty(SECURITY, securityBefore);
    }
  }

  @Test
  @InjectMojo(goal = "build")
  void targetRegistryCredentialComesFromSettingsDecrypted(BuildMojo mojo)
      throws MojoFailureException {
    ContainerRequest request = mojo.prepare().orElseThrow();

    RegistryCredential found =
        request.registries().toCredentials().find("registry.example.com:5000").orElseThrow();
    assertThat(found.username()).isEqualTo("pusher");
    assertThat(found.password()).isEqualTo(PASSWORD);
  }

  @Test
  @InjectMojo(goal = "build-tar")
  void baseRegistryCredentialComesFromServerNamedByHost(BuildTarMojo mojo)
      throws MojoFailureException {
    ContainerRequest request = mojo.prepare().orElseThrow();

    RegistryCredential found =
        request.registries().fromCredentials().find("mirror.example.net:8443").orElseThrow();
    assertThat(found.username()).isEqualTo("puller");
    assertThat(found.password()).isEqualTo(PASSWORD);
  }

  @Test
  @InjectMojo(goal = "build")
  void configuredAuthComesBeforeSettings(BuildMojo mojo) throws MojoFailureException {
    session.getUserProperties().setProperty("container.to.auth.username", "robot");
    session.getUserProperties().setProperty("container.to.auth.password", "robot-token");

    ContainerRequest request = mojo.prepare().orElseThrow();

    RegistryCredential found =
        request.registries().toCredentials().find("registry.example.com:5000").orElseThrow();
    assertThat(found).isEqualTo(new RegistryCredential("robot", "robot-token", "<to><auth>"));
  }

  @Test
  @InjectMojo(goal = "build")
  void passwordNeverReachesTheLog(BuildMojo mojo) throws MojoFailureException {
    ContainerRequest request = mojo.prepare().orElseThrow();
    request.registries().toCredentials().find("registry.example.com:5000");
    request.registries().fromCredentials().find("mirror.example.net:8443");
    useSecurityFile("wrong-settings-security.xml");
    request.registries().toCredentials().find("registry.example.com:5000");

    assertThat(log.text()).contains("cannot decrypt").doesNotContain(PASSWORD);
  }
}
