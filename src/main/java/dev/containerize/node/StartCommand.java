package dev.containerize.node;

import dev.containerize.ProjectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the container starts the app: always {@code node} itself in exec form, never a package
 * manager, so that signals reach the app.
 *
 * @param command the entrypoint, {@code node} first
 * @param environment variables the start script set in front of the command
 * @param source where the command came from, for the log
 */
public record StartCommand(List<String> command, Map<String, String> environment, String source) {
  /** The files tried, in order, when neither a start script nor {@code main} names one. */
  static final List<String> CONVENTIONAL_ENTRIES =
      List.of("server.js", "index.js", "app.js", "main.js", "server.mjs", "index.mjs");

  private static final String SHELL_SYNTAX = "&|;<>`$(){}*?";

  /** Node.js options whose value may follow as the next word, as in {@code -r ./tracing.js}. */
  private static final Set<String> FLAGS_WITH_VALUE =
      Set.of(
          "-r",
          "--require",
          "--import",
          "--loader",
          "--experimental-loader",
          "-C",
          "--conditions",
          "--env-file",
          "--title",
          "--inspect-port");

  /**
   * Derives the start command from {@code scripts.start}, then {@code main}, then a conventional
   * entry file.
   */
  public static StartCommand derive(PackageJson packageJson, Path projectDir) {
    Optional<String> start = packageJson.script("start");
    if (start.isPresent()) {
      return fromScript(start.get(), packageJson.file());
    }
    Optional<String> main = packageJson.main();
    if (main.isPresent()) {
      return new StartCommand(List.of("node", main.get()), Map.of(), "\"main\" in package.json");
    }
    for (String entry : CONVENTIONAL_ENTRIES) {
      if (Files.isRegularFile(projectDir.resolve(entry))) {
        return new StartCommand(List.of("node", entry), Map.of(), "the conventional " + entry);
      }
    }
    throw new ProjectException(
        packageJson.file()
            + " has no \"start\" script and no \"main\" field, and the project has none of "
            + String.join(", ", CONVENTIONAL_ENTRIES)
            + ". Add \"scripts\": {\"start\": \"node <file>\"} or set <container><entrypoint>"
            + " (-Dcontainer.entrypoint=node,<file>).");
  }

  /**
   * Checks, before the install and build, that the start script, if there is one, is a command the
   * image can run; the rest of {@link #derive} waits for the build, which may write the entry file.
   */
  public static void checkStartScript(PackageJson packageJson) {
    packageJson.script("start").ifPresent(script -> fromScript(script, packageJson.file()));
  }

  /** Turns a start script of the form {@code [VAR=value ...] node [flags] file [args]}. */
  static StartCommand fromScript(String script, Path packageJsonFile) {
    List<String> words = split(script);
    Map<String, String> env = new LinkedHashMap<>();
    int i = 0;
    while (i < words.size() && isAssignment(words.get(i))) {
      String[] kv = words.get(i++).split("=", 2);
      env.put(kv[0], kv[1]);
    }
    List<String> command = words.subList(i, words.size());
    if (command.isEmpty() || !command.get(0).equals("node") || hasShellSyntax(script)) {
      throw notANodeCommand(script, packageJsonFile);
    }
    return new StartCommand(List.copyOf(command), env, "scripts.start \"" + script + "\"");
  }

  private static ProjectException notANodeCommand(String script, Path packageJsonFile) {
    return new ProjectException(
        packageJsonFile
            + ": the start script \""
            + script
            + "\" is not a plain `node <file>` command, and the image starts node itself (no"
            + " package manager, no shell) so that signals reach the app. Set <container>"
            + "<entrypoint> to the node command, for example -Dcontainer.entrypoint=node,"
            + scriptFile(script).orElse("server.js")
            + ".");
  }

  /**
   * The first JavaScript file the script names, such as {@code app.js} in {@code nodemon app.js}.
   */
  static Optional<String> scriptFile(String script) {
    return split(script).stream().filter(word -> word.matches("[^-=][^=]*\\.[cm]?js")).findFirst();
  }

  private static boolean isAssignment(String word) {
    return word.matches("[A-Za-z_][A-Za-z0-9_]*=.*");
  }

  /**
   * Whether the script needs a shell: an operator, redirection, glob or expansion outside single
   * quotes ({@code $} and backquotes still expand inside double quotes).
   */
  static boolean hasShellSyntax(String script) {
    char quote = 0;
    for (char c : script.toCharArray()) {
      if (quote == '\'') {
        quote = c == '\'' ? 0 : quote;
      } else if (quote == '"') {
        if (c == '$' || c == '`') {
          return true;
        }
        quote = c == '"' ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (SHELL_SYNTAX.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Splits a command line into words, honouring single and double quotes. */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Whether {@code command}'s program is {@code node}, by name or by path. */
  public static boolean runsNode(List<String> command) {
    if (command.isEmpty()) {
      return false;
    }
    String program = command.get(0);
    return program.equals("node") || program.endsWith("/node");
  }

  /**
   * The file the command runs, the first argument after node's own flags, if any; none when a
   * configured command runs another program first (such as {@code /usr/bin/env node app.js}).
   */
  public Optional<String> entryFile() {
    if (!runsNode(command)) {
      return Optional.empty();
    }
    for (int i = 1; i < command.size(); i++) {
      String word = command.get(i);
      if (!word.startsWith("-")) {
        return Optional.of(word);
      }
      if (FLAGS_WITH_VALUE.contains(word)) {
        i++;
      }
    }
    return Optional.empty();
  }
}
