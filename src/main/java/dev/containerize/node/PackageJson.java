package dev.containerize.node;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerize.EnvironmentException;
import dev.containerize.ProjectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The fields of a {@code package.json} that decide how a project is built and started. */
public final class PackageJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Path file;
  private final JsonNode root;

  private PackageJson(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /** Reads and checks the {@code package.json} at {@code file}; unknown fields are ignored. */
  public static PackageJson read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ProjectException(
          file
              + " does not exist: the project folder must hold the package.json of a Node.js"
              + " app (set <container><projectDirectory> if the app lives elsewhere).");
    } catch (IOException e) {
      throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(file, text);
  }

  /** Parses {@code text} as the content of {@code file}. */
  static PackageJson parse(Path file, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ProjectException(
          file
              + " is not valid JSON"
              + where
              + ": "
              + e.getOriginalMessage()
              + ". Fix the syntax (npm, pnpm and yarn cannot read it either).",
          e);
    }
    if (root == null || !root.isObject()) {
      throw new ProjectException(
          file
              + " must hold a JSON object ({ \"name\": ..., \"scripts\": ... }), but holds "
              + describe(root)
              + ". Write the manifest as one object, the way `npm init` does.");
    }
    return new PackageJson(file, root);
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
    return node.isNull() ? "null" : (node.isArray() ? "an " : "a ") + type;
  }

  /** The file this was read from. */
  public Path file() {
    return file;
  }

  /** The package name, if declared. */
  public Optional<String> name() {
    return text("name");
  }

  /** The package version, if declared. */
  public Optional<String> version() {
    return text("version");
  }

  /** The description, if declared. */
  public Optional<String> description() {
    return text("description");
  }

  /** The licence identifier, if declared as a string. */
  public Optional<String> license() {
    return text("license");
  }

  /** The home page, if declared. */
  public Optional<String> homepage() {
    return text("homepage");
  }

  /** The source repository URL, whether declared as a string or as {@code {url: ...}}. */
  public Optional<String> repositoryUrl() {
    JsonNode repository = root.path("repository");
    JsonNode url = repository.isObject() ? repository.path("url") : repository;
    return url.isTextual() ? Optional.of(url.asText()) : Optional.empty();
  }

  /** The {@code main} entry file, if declared. */
  public Optional<String> main() {
    return text("main");
  }

  /** The {@code packageManager} field (for example {@code pnpm@10.3.0}), if declared. */
  public Optional<String> packageManager() {
    return text("packageManager");
  }

  /** The {@code engines.node} range, if declared. */
  public Optional<String> enginesNode() {
    JsonNode node = root.path("engines").path("node");
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  /** The script named {@code name}, if declared. */
  public Optional<String> script(String name) {
    JsonNode script = root.path("scripts").path(name);
    return script.isTextual() ? Optional.of(script.asText()) : Optional.empty();
  }

  /** The production dependencies, name to version range. */
  public Map<String, String> dependencies() {
    return stringMap("dependencies");
  }

  /** The development dependencies, name to version range. */
  public Map<String, String> devDependencies() {
    return stringMap("devDependencies");
  }

  /** The optional dependencies, name to version range. */
  public Map<String, String> optionalDependencies() {
    return stringMap("optionalDependencies");
  }

  /** The peer dependencies, name to version range. */
  public Map<String, String> peerDependencies() {
    return stringMap("peerDependencies");
  }

  /** Whether {@code name} is a production or development dependency. */
  public boolean dependsOn(String name) {
    return dependencies().containsKey(name) || devDependencies().containsKey(name);
  }

  /** Whether the package declares workspaces. */
  public boolean declaresWorkspaces() {
    return !root.path("workspaces").isMissingNode();
  }

  /**
   * The workspace patterns, from {@code "workspaces": [...]} or {@code "workspaces": {"packages":
   * [...]}} (yarn 1).
   */
  public List<String> workspacePatterns() {
    JsonNode workspaces = root.path("workspaces");
    JsonNode list = workspaces.isObject() ? workspaces.path("packages") : workspaces;
    List<String> patterns = new ArrayList<>();
    list.forEach(p -> patterns.add(p.asText()));
    return patterns;
  }

  private Optional<String> text(String field) {
    JsonNode value = root.path(field);
    return value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  private Map<String, String> stringMap(String field) {
    Map<String, String> result = new LinkedHashMap<>();
    root.path(field).properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
    return result;
  }
}
