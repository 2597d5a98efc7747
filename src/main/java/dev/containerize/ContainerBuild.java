package dev.containerize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.containerize.build.AtomicFile;
import dev.containerize.build.BuildState;
import dev.containerize.build.NodeBuild;
import dev.containerize.dockerfile.DockerfileRecipe;
import dev.containerize.dockerfile.DockerfileTarget;
import dev.containerize.dockerfile.DockerfileWriter;
import dev.containerize.image.AppLayout;
import dev.containerize.image.ImagePlan;
import dev.containerize.image.ImagePlanner;
import dev.containerize.image.LayerReport;
import dev.containerize.image.NativePackages;
import dev.containerize.image.NextServerLayout;
import dev.containerize.image.NextStandaloneLayout;
import dev.containerize.image.NodeAppLayout;
import dev.containerize.image.StopOnSignal;
import dev.containerize.jib.BuildResult;
import dev.containerize.jib.ImageTarget;
import dev.containerize.jib.JibImageWriter;
import dev.containerize.node.NextJsProject;
import dev.containerize.node.NodeProject;
import dev.containerize.node.NodeRuntime;
import dev.containerize.node.ProductionClosure;
import dev.containerize.node.StartCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Containerizes one Node.js project: read, install and build, plan, then render with Jib. */
public final class ContainerBuild {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final BuildLog log;

  /** Creates a build that reports to {@code log}. */
  public ContainerBuild(BuildLog log) {
    this.log = log;
  }

  /** Runs {@code request} and returns what was built. */
  public BuildResult run(ContainerRequest request) {
    JibImageWriter.check(request.target(), request.container().baseImage());
    NodeProject project = read(request);
    log.info("Containerizing " + project.displayName() + " as " + request.target().image());
    Path resultFile = request.buildDirectory().resolve("container-image.json");
    deleteResult(resultFile);
    ProductionClosure closure = installAndBuild(request, project);
    ImagePlan plan = plan(request, project, closure);
    LayerReport layers =
        new LayerReport(
            BuildState.load(stateDir(request).resolve("layers.properties")),
            stateDir(request).resolve("source-times"),
            log);
    layers.report(plan);
    log.info(describeTarget(request.target()));
    BuildResult result =
        new JibImageWriter(log, request.toolVersion())
            .write(plan, request.target(), request.registries());
    layers.save();
    writeResult(resultFile, result);
    log.info("Built " + result.image() + "@" + result.imageDigest());
    return result;
  }

  /**
   * Plans the image of {@code request} as {@link #run} does, then writes it as a Dockerfile and
   * {@code .dockerignore} to {@code target} instead of building it.
   */
  public void writeDockerfile(ContainerRequest request, DockerfileTarget target) {
    JibImageWriter.check(request.target(), request.container().baseImage());
    NodeProject project = read(request);
    log.info("Writing the Dockerfile of " + project.displayName() + " to " + target.dockerfile());
    DockerfileWriter.checkOwnDockerfile(target);
    DockerfileRecipe recipe =
        DockerfileRecipe.of(
            project,
            request.node().buildScript(),
            request.node().buildEnvironment(),
            () -> nodeBuild(request).packageManagerVersion(project));
    ProductionClosure closure = installAndBuild(request, project);
    ImagePlan plan = plan(request, project, closure);
    new DockerfileWriter(log).write(plan, recipe, target);
  }

  private ProductionClosure installAndBuild(ContainerRequest request, NodeProject project) {
    checkBeforeInstall(request, project);
    project
        .workspace()
        .ifPresent(
            w -> log.info("Workspace: " + w.root() + " (" + w.declaredIn().getFileName() + ")"));
    if (request.node().skip()) {
      log.info("Install and build: skipped (node.skip), using the project as it is");
      return closure(project);
    }
    NodeBuild build = nodeBuild(request);
    boolean installed = build.install(project);
    ProductionClosure closure = closure(project);
    build.build(project, request.node().buildScript(), installed, localPackages(closure));
    return closure;
  }

  /**
   * Stops on what the configuration and {@code package.json} already show to be wrong, before the
   * install and build take their time.
   */
  private static void checkBeforeInstall(ContainerRequest request, NodeProject project) {
    ImagePlanner.check(request.container());
    if (!request.node().skip()) {
      NodeBuild.buildScript(project, request.node().buildScript());
    }
    boolean derived = request.container().entrypoint().isEmpty();
    if (derived && NextJsProject.detect(project).isEmpty()) {
      StartCommand.checkStartScript(project.packageJson());
    }
  }

  private NodeProject read(ContainerRequest request) {
    int machineMajor = NodeRuntime.buildMachineMajor();
    NodeProject project =
        NodeProject.read(request.projectDirectory(), request.node().packageManager(), machineMajor);
    if (project.nodeVersion().major() != machineMajor) {
      log.warn(
          "The image gets Node.js "
              + project.nodeVersion().major()
              + " ("
              + project.nodeVersion().source()
              + "), but the build runs on Node.js "
              + machineMajor
              + ": native addons are compiled for the build machine's Node.js and may not"
              + " load in the image. Build with Node.js "
              + project.nodeVersion().major()
              + " or set <from><image>.");
    }
    return project;
  }

  private NodeBuild nodeBuild(ContainerRequest request) {
    return new NodeBuild(
        log, stateDir(request).resolve("build.properties"), request.node().buildEnvironment());
  }

  private ProductionClosure closure(NodeProject project) {
    project.requireLockfile();
    ProductionClosure closure = ProductionClosure.of(project.directory(), project.installRoot());
    long local = closure.packages().values().stream().filter(p -> p.local()).count();
    long downloaded = closure.packages().size() - local;
    log.info(
        "Production dependencies: "
            + count(downloaded, "package")
            + (local == 0 ? "" : ", " + count(local, "workspace package")));
    return closure;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static List<Path> localPackages(ProductionClosure closure) {
    return closure.packages().values().stream()
        .filter(ProductionClosure.Package::local)
        .map(ProductionClosure.Package::directory)
        .toList();
  }

  private ImagePlan plan(ContainerRequest request, NodeProject project, ProductionClosure closure) {
    String workdir = ImagePlanner.workingDirectory(request.container());
    Optional<NextJsProject> next = NextJsProject.detect(project);
    AppLayout layout =
        next.isPresent()
            ? nextLayout(request, project, closure, next.get(), workdir)
            : NodeAppLayout.of(project, closure, startCommand(request, project), workdir);
    ImagePlan plan =
        ImagePlanner.plan(
            layout,
            request.container(),
            project.nodeVersion(),
            labels(project, request.buildLabels()));
    log.info(StopOnSignal.describe(plan.entrypoint(), project.nodeVersion().major()));
    checkNativePackages(plan);
    return plan;
  }

  private AppLayout nextLayout(
      ContainerRequest request,
      NodeProject project,
      ProductionClosure closure,
      NextJsProject next,
      String workdir) {
    String owner = ImagePlanner.runtimeOwner(request.container());
    if (next.hasStandaloneOutput()) {
      NextStandaloneLayout layout = NextStandaloneLayout.of(next, workdir, owner);
      log.info("Next.js standalone output (" + next.configName() + "): " + layout.serverPath());
      return layout;
    }
    if (next.standaloneConfigured()) {
      throw new ProjectException(
          next.configName()
              + " sets "
              + NextJsProject.STANDALONE_LINE
              + ", but the build wrote no "
              + next.directory().relativize(next.standaloneOutput())
              + (next.configIgnoredByNext()
                  ? ": Next.js does not read .cjs config files. " + next.standaloneAdvice() + "."
                  : ". Run the build again (`next build`), with <node><skip> off."));
    }
    NextServerLayout layout = NextServerLayout.of(project, next, closure, workdir, owner);
    log.warn(
        "This Next.js app has no standalone output, so the image carries every production"
            + " dependency and starts `next start`. "
            + next.standaloneAdvice()
            + " to make the image several times smaller.");
    return layout;
  }

  private void checkNativePackages(ImagePlan plan) {
    NativePackages.mismatch(
            plan.layers(),
            NativePackages.Platform.buildMachine(),
            NativePackages.Platform.ofBaseImage(plan.baseImage()),
            plan.baseImage())
        .ifPresent(log::warn);
  }

  private StartCommand startCommand(ContainerRequest request, NodeProject project) {
    List<String> configured = request.container().entrypoint();
    StartCommand start =
        configured.isEmpty()
            ? StartCommand.derive(project.packageJson(), project.directory())
            : new StartCommand(configured, Map.of(), "<container><entrypoint>");
    log.info("Start command: " + String.join(" ", start.command()) + " (" + start.source() + ")");
    return start;
  }

  private static Map<String, String> labels(NodeProject project, Map<String, String> fallback) {
    Map<String, String> labels = new TreeMap<>(fallback);
    String prefix = "org.opencontainers.image.";
    var pkg = project.packageJson();
    pkg.name().ifPresent(v -> labels.put(prefix + "title", v));
    pkg.version().ifPresent(v -> labels.put(prefix + "version", v));
    pkg.description().ifPresent(v -> labels.put(prefix + "description", v));
    pkg.license().ifPresent(v -> labels.put(prefix + "licenses", v));
    pkg.homepage().ifPresent(v -> labels.put(prefix + "url", v));
    pkg.repositoryUrl().ifPresent(v -> labels.put(prefix + "source", v));
    return labels;
  }

  private static String describeTarget(ImageTarget target) {
    return switch (target.kind()) {
      case REGISTRY -> "Push: " + target.image() + tagsText(target);
      case TAR -> "Tar: " + target.tarFile() + " as " + target.image();
      case DOCKER -> "Docker: loading " + target.image() + tagsText(target);
    };
  }

  private static String tagsText(ImageTarget target) {
    return target.tags().isEmpty() ? "" : " (also tagged " + String.join(", ", target.tags()) + ")";
  }

  private static Path stateDir(ContainerRequest request) {
    return request.buildDirectory().resolve("container");
  }

  /**
   * Deletes the result of an earlier build first, so that a build that fails or is stopped leaves
   * no file that describes an image it did not build.
   */
  private static void deleteResult(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new EnvironmentException("Cannot delete " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeResult(Path file, BuildResult result) {
    try {
      AtomicFile.write(file, JSON.writeValueAsBytes(result));
    } catch (IOException e) {
      throw new EnvironmentException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
