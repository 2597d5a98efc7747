package dev.containerize.jib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerize.BuildLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Credentials from Docker's {@code config.json}: {@code credHelpers}, then {@code credsStore}, then
 * inline {@code auths}, as {@code docker login} leaves them; or from one named credential helper.
 */
public final class DockerConfigCredentials implements CredentialSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DOCKER_HUB =
      List.of("registry-1.docker.io", "docker.io", "index.docker.io");

  private final Path configFile;
  private final String helper;
  private final BuildLog log;

  private DockerConfigCredentials(Path configFile, String helper, BuildLog log) {
    this.configFile = configFile;
    this.helper = helper;
    this.log = log;
  }

  /** Reads {@code config.json} from {@code $DOCKER_CONFIG} or {@code ~/.docker}. */
  public static DockerConfigCredentials dockerConfig(BuildLog log) {
    String dir = System.getenv("DOCKER_CONFIG");
    Path folder = dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".docker");
    return fromFile(folder.resolve("config.json"), log);
  }

  /** Reads the Docker configuration in {@code configFile}. */
  static DockerConfigCredentials fromFile(Path configFile, BuildLog log) {
    return new DockerConfigCredentials(configFile, null, log);
  }

  /** Asks the credential helper {@code docker-credential-NAME} (or a path to one). */
  public static DockerConfigCredentials helper(String name, BuildLog log) {
    return new DockerConfigCredentials(null, name, log);
  }

  @Override
  public Optional<RegistryCredential> find(String registry) {
    if (helper != null) {
      return askHelper(helper, registry);
    }
    if (!Files.isRegularFile(configFile)) {
      return Optional.empty();
    }
    JsonNode config = read();
    String key = keyFor(config, registry);
    JsonNode namedHelper = config.path("credHelpers").path(key);
    if (namedHelper.isTextual()) {
      return askHelper(namedHelper.asText(), key);
    }
    Optional<RegistryCredential> inline = inline(config.path("auths").path(key));
    if (inline.isPresent() || !config.path("credsStore").isTextual()) {
      return inline;
    }
    return askHelper(config.path("credsStore").asText(), key);
  }

  private JsonNode read() {
    try {
      return JSON.readTree(configFile.toFile());
    } catch (IOException e) {
      log.warn("Ignoring " + configFile + ", which cannot be read: " + e.getMessage());
      return JSON.createObjectNode();
    }
  }

  private static String keyFor(JsonNode config, String registry) {
    for (String candidate : List.of(registry, "https://" + registry, "http://" + registry)) {
      if (config.path("auths").has(candidate) || config.path("credHelpers").has(candidate)) {
        return candidate;
      }
    }
    return DOCKER_HUB.contains(registry) ? "https://index.docker.io/v1/" : registry;
  }

  private Optional<RegistryCredential> inline(JsonNode entry) {
    JsonNode auth = entry.path("auth");
    if (!auth.isTextual()) {
      return Optional.empty();
    }
    String decoded =
        new String(Base64.getDecoder().decode(auth.asText().trim()), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new RegistryCredential(
            decoded.substring(0, colon), decoded.substring(colon + 1), configFile.toString()));
  }

  private Optional<RegistryCredential> askHelper(String name, String registry) {
    String command = name.contains("/") ? name : "docker-credential-" + name;
    try {
      Process process = new ProcessBuilder(command, "get").start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(registry.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        log.debug("Credential helper " + command + " has nothing for " + registry);
        return Optional.empty();
      }
      JsonNode answer = JSON.readTree(out);
      return Optional.of(
          new RegistryCredential(
              answer.path("Username").asText(),
              answer.path("Secret").asText(),
              "credential helper " + command));
    } catch (IOException e) {
      log.warn("Cannot run credential helper " + command + ": " + e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
