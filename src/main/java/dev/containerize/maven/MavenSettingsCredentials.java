package dev.containerize.maven;

import dev.containerize.BuildLog;
import dev.containerize.jib.CredentialSource;
import dev.containerize.jib.RegistryCredential;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Credentials from the {@code <servers>} of Maven's {@code settings.xml}, matched by an {@code
 * <id>} equal to the registry ({@code host:port} or {@code host}); encrypted passwords are
 * decrypted.
 */
final class MavenSettingsCredentials implements CredentialSource {
  private final Settings settings;
  private final SettingsDecrypter decrypter;
  private final BuildLog log;

  MavenSettingsCredentials(Settings settings, SettingsDecrypter decrypter, BuildLog log) {
    this.settings = settings;
    this.decrypter = decrypter;
    this.log = log;
  }

  @Override
  public Optional<RegistryCredential> find(String registry) {
    if (settings == null) {
      return Optional.empty();
    }
    String host = registry.replaceFirst(":\\d+$", "");
    Server server = settings.getServer(registry);
    if (server == null) {
      server = settings.getServer(host);
    }
    if (server == null || server.getUsername() == null) {
      return Optional.empty();
    }
    String source = "settings.xml server \"" + server.getId() + "\"";
    Server id = server;
    return decrypt(server)
        .map(password -> new RegistryCredential(id.getUsername(), password, source));
  }

  /** The server's password, decrypted; empty, with a warning, when it cannot be decrypted. */
  private Optional<String> decrypt(Server server) {
    if (decrypter == null) {
      return Optional.ofNullable(server.getPassword());
    }
    SettingsDecryptionResult result =
        decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : result.getProblems()) {
      log.warn(
          "settings.xml server \""
              + server.getId()
              + "\": cannot decrypt its password ("
              + problem.getMessage()
              + "), so it is not used; check settings-security.xml"
              + " (-Dsettings.security) and the encrypted password.");
    }
    if (!result.getProblems().isEmpty() || result.getServer() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(result.getServer().getPassword());
  }
}
