package dev.containerize.node;

import dev.containerize.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the plugin knows about a Next.js app before and after its build: its config file, whether
 * that file asks for standalone output, and where the build writes its output.
 *
 * <p>The config file is read as text, never run, so the answer is a good guess; after the build,
 * whether {@link #standaloneOutput()} exists is the ground truth.
 *
 * @param directory the project folder, which holds {@code package.json}
 * @param configFile the config file Next.js reads, if there is one
 * @param standaloneConfigured whether the config file sets {@code output: 'standalone'}
 * @param distDir the build output folder relative to {@code directory}, {@code .next} by default
 */
public record NextJsProject(
    Path directory, Optional<Path> configFile, boolean standaloneConfigured, String distDir) {

  /** The config file names, in the order Next.js tries them; it never reads the last one. */
  public static final List<String> CONFIG_FILES =
      List.of(
          "next.config.js",
          "next.config.mjs",
          "next.config.ts",
          "next.config.mts",
          "next.config.cjs");

  /** The one config line that makes Next.js trace the server and its dependencies. */
  public static final String STANDALONE_LINE = "output: 'standalone'";

  private static final Pattern STANDALONE =
      Pattern.compile("\\boutput\\s*:\\s*(['\"`])standalone\\1");
  private static final Pattern DIST_DIR =
      Pattern.compile("\\bdistDir\\s*:\\s*(['\"`])([^'\"`]+)\\1");
  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");

  /** The Next.js app in {@code project}, if it depends on {@code next}. */
  public static Optional<NextJsProject> detect(NodeProject project) {
    if (!project.packageJson().dependsOn("next")) {
      return Optional.empty();
    }
    return Optional.of(read(project.directory()));
  }

  /** Reads the config file of the Next.js app in {@code directory}, if it has one. */
  static NextJsProject read(Path directory) {
    Optional<Path> config =
        CONFIG_FILES.stream().map(directory::resolve).filter(Files::isRegularFile).findFirst();
    String text = config.map(NextJsProject::readWithoutComments).orElse("");
    Matcher distDir = DIST_DIR.matcher(text);
    return new NextJsProject(
        directory,
        config,
        STANDALONE.matcher(text).find(),
        distDir.find() ? normalize(distDir.group(2)) : ".next");
  }

  private static String readWithoutComments(Path file) {
    try {
      String text = Files.readString(file);
      return LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(text).replaceAll("")).replaceAll("");
    } catch (IOException e) {
      throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String normalize(String distDir) {
    String dir = distDir.trim().replace('\\', '/');
    while (dir.startsWith("./")) {
      dir = dir.substring(2);
    }
    return dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }

  /** The config file's name, or a sentence for when there is none, for messages. */
  public String configName() {
    return configFile.map(f -> f.getFileName().toString()).orElse("no next.config.js");
  }

  /** Whether the config file is one that Next.js ignores ({@code next.config.cjs}). */
  public boolean configIgnoredByNext() {
    return configFile.filter(f -> f.getFileName().toString().endsWith(".cjs")).isPresent();
  }

  /** The folder the build writes to, {@code .next} unless {@code distDir} says otherwise. */
  public Path buildOutput() {
    return directory.resolve(distDir);
  }

  /** The traced server and its dependencies, present after a standalone build. */
  public Path standaloneOutput() {
    return buildOutput().resolve("standalone");
  }

  /** Whether the last build wrote standalone output. */
  public boolean hasStandaloneOutput() {
    return Files.isDirectory(standaloneOutput());
  }

  /** Whether the build has run: Next.js writes {@code BUILD_ID} last among its outputs. */
  public boolean isBuilt() {
    return Files.isRegularFile(buildOutput().resolve("BUILD_ID"));
  }

  /** The config line to add or fix, phrased for the config file the project has. */
  public String standaloneAdvice() {
    if (configFile.isEmpty()) {
      return "Create next.config.mjs with `export default { " + STANDALONE_LINE + " };`";
    }
    if (configIgnoredByNext()) {
      return "Rename "
          + configName()
          + " to next.config.js (Next.js does not read .cjs config files) and set "
          + STANDALONE_LINE
          + " in it";
    }
    return "Add `" + STANDALONE_LINE + "` to the config object in " + configName();
  }
}
