package dev.containerize.node;

import dev.containerize.EnvironmentException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An npm, pnpm or yarn workspace: the root folder that holds the lockfile and the glob patterns
 * that name its member packages.
 *
 * @param root the folder of the workspace's {@code package.json} (and {@code pnpm-workspace.yaml})
 * @param declaredIn the file that declares the members, for messages
 * @param patterns the member patterns, such as {@code apps/*}; a leading {@code !} excludes
 */
public record Workspace(Path root, Path declaredIn, List<String> patterns) {
  private static final int MAX_MEMBER_DEPTH = 6;

  /**
   * The workspace that {@code projectDir} is the root or a member of: the nearest parent folder (or
   * the folder itself) with a {@code pnpm-workspace.yaml} or a {@code package.json} that declares
   * {@code workspaces} matching it.
   */
  public static Optional<Workspace> enclosing(Path projectDir) {
    Path dir = projectDir.toAbsolutePath().normalize();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      Optional<Workspace> found = declaredAt(candidate);
      if (found.isPresent() && found.get().contains(dir)) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The workspace declared in {@code dir} itself, if it declares one. */
  public static Optional<Workspace> declaredAt(Path dir) {
    Path pnpm = dir.resolve("pnpm-workspace.yaml");
    if (Files.isRegularFile(pnpm)) {
      return Optional.of(new Workspace(dir, pnpm, pnpmPackages(pnpm)));
    }
    Path manifest = dir.resolve("package.json");
    if (Files.isRegularFile(manifest)) {
      PackageJson packageJson = PackageJson.read(manifest);
      if (packageJson.declaresWorkspaces()) {
        return Optional.of(new Workspace(dir, manifest, packageJson.workspacePatterns()));
      }
    }
    return Optional.empty();
  }

  /**
   * The {@code packages:} list of a {@code pnpm-workspace.yaml}: the items of that block, unquoted.
   * Other keys (catalogs, settings) are not read.
   */
  static List<String> pnpmPackages(Path file) {
    List<String> patterns = new ArrayList<>();
    boolean inPackages = false;
    for (String line : readLines(file)) {
      String text = line.replaceFirst("\\s+#.*$", "");
      if (text.isBlank() || text.trim().startsWith("#")) {
        continue;
      }
      if (!Character.isWhitespace(text.charAt(0)) && !text.startsWith("-")) {
        inPackages = text.trim().equals("packages:");
      } else if (inPackages && text.trim().startsWith("-")) {
        patterns.add(unquote(text.trim().substring(1).trim()));
      }
    }
    return patterns;
  }

  private static String unquote(String value) {
    boolean quoted =
        value.length() >= 2
            && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""));
    return quoted ? value.substring(1, value.length() - 1) : value;
  }

  /** Whether {@code dir} is the root or one of the members. */
  public boolean contains(Path dir) {
    Path normalized = dir.toAbsolutePath().normalize();
    if (normalized.equals(root)) {
      return true;
    }
    return normalized.startsWith(root) && isMember(root.relativize(normalized).toString());
  }

  /** Whether the folder at {@code relative} (to the root, with {@code /}) matches the patterns. */
  boolean isMember(String relative) {
    String path = relative.replace('\\', '/');
    boolean member = false;
    for (String pattern : patterns) {
      boolean exclude = pattern.startsWith("!");
      String glob = normalizeGlob(exclude ? pattern.substring(1) : pattern);
      if (compile(glob).matcher(path).matches()) {
        member = !exclude;
      }
    }
    return member;
  }

  /** The member folders that hold a {@code package.json}, sorted. */
  public List<Path> members() {
    List<Path> members = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          java.util.Set.of(),
          MAX_MEMBER_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName().toString();
              if (!dir.equals(root) && (name.equals("node_modules") || name.startsWith("."))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              String relative = root.relativize(dir).toString();
              if (!dir.equals(root)
                  && isMember(relative)
                  && Files.isRegularFile(dir.resolve("package.json"))) {
                members.add(dir);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new EnvironmentException("Cannot list " + root + ": " + e.getMessage(), e);
    }
    members.sort(null);
    return members;
  }

  private static String normalizeGlob(String glob) {
    String g = glob.trim();
    if (g.startsWith("./")) {
      g = g.substring(2);
    }
    return g.endsWith("/") ? g.substring(0, g.length() - 1) : g;
  }

  /** Compiles a member glob: {@code *} within one folder name, {@code **} across folders. */
  static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 2;
      } else if (glob.startsWith("**", i)) {
        regex.append(".*");
        i += 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
