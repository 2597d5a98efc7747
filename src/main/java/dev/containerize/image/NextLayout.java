package dev.containerize.image;

import dev.containerize.ProjectException;
import dev.containerize.node.NextJsProject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What both Next.js layouts share: the run-time environment, port 3000, the {@code public} and
 * {@code static} layers and a {@code .next/cache} that only the run-time user may write.
 */
abstract class NextLayout implements AppLayout {
  /** The port Next.js listens on in the image. */
  static final int PORT = 3000;

  private final List<ImageLayer> layers;
  private final List<String> entrypoint;
  private final String workingDirectory;

  NextLayout(List<ImageLayer> layers, List<String> entrypoint, String workingDirectory) {
    this.layers = layers.stream().filter(l -> !l.files().isEmpty()).toList();
    this.entrypoint = List.copyOf(entrypoint);
    this.workingDirectory = workingDirectory;
  }

  /** Stops the build when {@code next} has not built the app, naming the script to add. */
  static void requireBuild(NextJsProject next) {
    if (!next.isBuilt()) {
      throw new ProjectException(
          next.buildOutput().resolve("BUILD_ID")
              + " does not exist: the Next.js app has not been built. Give package.json a"
              + " \"build\": \"next build\" script (or name yours in <node><buildScript>), and"
              + " leave <node><skip> off so that the plugin runs it.");
    }
  }

  /** The files of {@code public/}, which Next.js serves from {@code appDir/public}. */
  static ImageLayer publicLayer(
      NextJsProject next, FileTree tree, IgnoreRules rules, String workdir, String appDir) {
    return new ImageLayer(
        "public",
        tree.walk(
            next.directory().resolve("public"),
            appDir + "/public",
            FileTree.excluding(
                rel -> rules.excludes("public/" + rel), next.directory().resolve(".dockerignore"))),
        List.of(LayerSource.buildOutput("public", inApp(workdir, appDir, "public"))));
  }

  /**
   * The browser's files ({@code .next/static}), which change with every build since their folder
   * carries the build id. The user's {@code .dockerignore} often names {@code .next} for Docker
   * builds that run {@code next build} themselves, so only the secret rules apply to it.
   */
  static ImageLayer staticLayer(NextJsProject next, FileTree tree, String workdir, String appDir) {
    String staticDir = next.distDir() + "/static";
    return new ImageLayer(
        "static",
        tree.walk(
            next.buildOutput().resolve("static"),
            appDir + "/" + staticDir,
            FileTree.excluding(IgnoreRules::excludedAnywhere)),
        List.of(LayerSource.buildOutput(staticDir, inApp(workdir, appDir, staticDir))));
  }

  /**
   * The source of the cache folder for a Dockerfile: an empty folder owned by the run-time user.
   */
  static LayerSource cacheSource(NextJsProject next, String workdir, String appDir) {
    return LayerSource.writableDirectory(inApp(workdir, appDir, next.distDir() + "/cache"));
  }

  /**
   * {@code relative} in the app's folder, as a path relative to the working directory, which is the
   * app's folder or (in a monorepo's standalone output) an ancestor of it.
   */
  private static String inApp(String workdir, String appDir, String relative) {
    return appDir.equals(workdir)
        ? relative
        : appDir.substring(workdir.length() + 1) + "/" + relative;
  }

  /** The cache folder, the one place in the app that {@code runtimeUser} may write. */
  static ImageFile cacheDirectory(NextJsProject next, String appDir, String runtimeUser) {
    return ImageFile.directory(appDir + "/" + next.distDir() + "/cache", runtimeUser);
  }

  @Override
  public List<ImageLayer> layers() {
    return layers;
  }

  @Override
  public List<String> entrypoint() {
    return entrypoint;
  }

  @Override
  public Map<String, String> environment() {
    return Map.of(
        "NODE_ENV", "production",
        "PORT", String.valueOf(PORT),
        "HOSTNAME", "0.0.0.0",
        "NEXT_TELEMETRY_DISABLED", "1");
  }

  @Override
  public Set<Integer> ports() {
    return Set.of(PORT);
  }

  @Override
  public String workingDirectory() {
    return workingDirectory;
  }
}
