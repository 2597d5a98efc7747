package dev.containerize.image;

import dev.containerize.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides which project files stay out of the image: secrets and build files always, then whatever
 * {@code .dockerignore} excludes.
 */
public final class IgnoreRules {
  private static final List<String> NEVER_ANYWHERE_GLOBS =
      List.of(
          "**/.env",
          "**/.env.*",
          "**/.npmrc",
          "**/.yarnrc",
          "**/.yarnrc.yml",
          "**/.git",
          "**/.netrc",
          "**/.ssh",
          "**/.aws",
          "**/.azure",
          "**/.docker",
          "**/.gnupg",
          "**/id_rsa",
          "**/id_dsa",
          "**/id_ecdsa",
          "**/id_ed25519",
          "**/*.pem",
          "**/*.key",
          "**/*.p12",
          "**/*.pfx",
          "**/Dockerfile",
          "**/Dockerfile.*",
          "**/*.Dockerfile",
          "**/.dockerignore",
          "**/.config/gcloud",
          "**/credentials.json",
          "**/service-account*.json");
  // What is left out of installed packages too: names that only ever hold someone's credentials.
  // Not *.pem or *.key: packages carry certificates that they read at run time (grpc's roots.pem).
  private static final List<String> CREDENTIAL_FILE_GLOBS =
      List.of(
          "**/.env",
          "**/.env.*",
          "**/.npmrc",
          "**/.yarnrc",
          "**/.yarnrc.yml",
          "**/.netrc",
          "**/.git",
          "**/.ssh",
          "**/.aws",
          "**/.azure",
          "**/.docker",
          "**/.gnupg",
          "**/.config/gcloud",
          "**/id_rsa",
          "**/id_dsa",
          "**/id_ecdsa",
          "**/id_ed25519");
  private static final List<String> NEVER_AT_ROOT_GLOBS =
      List.of(
          "node_modules",
          "target",
          "pom.xml",
          ".mvn",
          "mvnw",
          "mvnw.cmd",
          ".idea",
          ".vscode",
          ".github",
          ".gitlab-ci.yml",
          ".yarn");
  private static final List<Pattern> NEVER_ANYWHERE = compileAll(NEVER_ANYWHERE_GLOBS);
  private static final List<Pattern> CREDENTIAL_FILES = compileAll(CREDENTIAL_FILE_GLOBS);
  private static final List<Pattern> NEVER_AT_ROOT = compileAll(NEVER_AT_ROOT_GLOBS);

  private final List<Rule> dockerignore;

  private record Rule(Pattern pattern, boolean exclude) {}

  private IgnoreRules(List<Rule> dockerignore) {
    this.dockerignore = dockerignore;
  }

  /** The rules for {@code projectDir}, with its {@code .dockerignore} if it has one. */
  public static IgnoreRules of(Path projectDir) {
    Path file = projectDir.resolve(".dockerignore");
    if (!Files.isRegularFile(file)) {
      return new IgnoreRules(List.of());
    }
    try {
      return parse(Files.readAllLines(file));
    } catch (IOException e) {
      throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The rules given by the lines of a {@code .dockerignore}. */
  static IgnoreRules parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean exclude = !line.startsWith("!");
      String glob = exclude ? line : line.substring(1).strip();
      rules.add(new Rule(compile(glob), exclude));
    }
    return new IgnoreRules(rules);
  }

  /** Whether the file or folder at {@code relative} (with {@code /} separators) stays out. */
  public boolean excludes(String relative) {
    if (matchesAny(NEVER_ANYWHERE, relative) || matchesAny(NEVER_AT_ROOT, relative)) {
      return true;
    }
    boolean excluded = false;
    for (Rule rule : dockerignore) {
      if (matchesSelfOrParent(rule.pattern(), relative)) {
        excluded = rule.exclude();
      }
    }
    return excluded;
  }

  /** Whether {@code relative} is a secret or build file that no rule can let in. */
  public static boolean alwaysExcluded(String relative) {
    return matchesAny(NEVER_ANYWHERE, relative) || matchesAny(NEVER_AT_ROOT, relative);
  }

  /**
   * Whether {@code relative} is a file or folder that may hold credentials ({@code .env*}, {@code
   * .npmrc}, {@code .git}, {@code .aws}, {@code id_rsa}, ...), which stays out even of installed
   * packages.
   */
  public static boolean isCredentialFile(String relative) {
    return matchesAny(CREDENTIAL_FILES, relative);
  }

  /**
   * The globs, in {@code .dockerignore} syntax, of what no rule can let in: secrets and build files
   * anywhere, then build folders at the project root.
   */
  public static List<String> alwaysExcludedGlobs() {
    List<String> globs = new ArrayList<>(NEVER_ANYWHERE_GLOBS);
    globs.addAll(NEVER_AT_ROOT_GLOBS);
    return List.copyOf(globs);
  }

  /**
   * The globs of files and folders that may hold credentials, all of the form {@code **}{@code
   * /NAME} or {@code **}{@code /FOLDER/NAME}.
   */
  public static List<String> credentialFileGlobs() {
    return CREDENTIAL_FILE_GLOBS;
  }

  /**
   * Whether {@code relative} is a secret or build file wherever it lies, for trees that are not the
   * project's own (a build's output), where rules about the project's top folder do not apply.
   */
  public static boolean excludedAnywhere(String relative) {
    return matchesAny(NEVER_ANYWHERE, relative);
  }

  private static boolean matchesAny(List<Pattern> patterns, String relative) {
    return patterns.stream().anyMatch(p -> matchesSelfOrParent(p, relative));
  }

  private static boolean matchesSelfOrParent(Pattern pattern, String relative) {
    String path = relative;
    while (true) {
      if (pattern.matcher(path).matches()) {
        return true;
      }
      int slash = path.lastIndexOf('/');
      if (slash < 0) {
        return false;
      }
      path = path.substring(0, slash);
    }
  }

  private static List<Pattern> compileAll(List<String> globs) {
    return globs.stream().map(IgnoreRules::compile).toList();
  }

  /** Turns a {@code .dockerignore} glob into a regular expression over relative paths. */
  static Pattern compile(String glob) {
    String g = glob.replace('\\', '/');
    while (g.startsWith("/") || g.startsWith("./")) {
      g = g.substring(g.startsWith("/") ? 1 : 2);
    }
    while (g.endsWith("/") && g.length() > 1) {
      g = g.substring(0, g.length() - 1);
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
        boolean slashFollows = i + 2 < g.length() && g.charAt(i + 2) == '/';
        regex.append(slashFollows ? "(?:.*/)?" : ".*");
        i += slashFollows ? 2 : 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
