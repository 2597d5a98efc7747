package dev.containerize.maven;

import dev.containerize.BuildLog;
import dev.containerize.ContainerBuild;
import dev.containerize.ContainerRequest;
import dev.containerize.EnvironmentException;
import dev.containerize.NodeSettings;
import dev.containerize.ProjectException;
import dev.containerize.image.ContainerSettings;
import dev.containerize.jib.CredentialSource;
import dev.containerize.jib.DockerConfigCredentials;
import dev.containerize.jib.ImageTarget;
import dev.containerize.jib.JibImageWriter;
import dev.containerize.jib.RegistryCredential;
import dev.containerize.node.NodeProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.License;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every image goal shares: reading the configuration, building the request, running it and
 * turning the core's exceptions into Maven's.
 */
abstract class AbstractContainerMojo extends AbstractMojo {

  /** The base image: {@code <image>}, {@code <auth>}, {@code <credHelper>}. */
  @Parameter FromConfig from;

  /** The image to build: {@code <image>}, {@code <tags>}, {@code <auth>}, {@code <credHelper>}. */
  @Parameter ToConfig to;

  /** How the container runs: entrypoint, args, environment, ports, user, labels and more. */
  @Parameter ContainerConfig container;

  /** How the Node.js project is built: skip, buildScript, packageManager, buildEnvironment. */
  @Parameter NodeConfig node;

  /**
   * Allow registries over plain HTTP or with certificates the JVM does not trust. Default false.
   * Property {@code container.allowInsecureRegistries}.
   */
  @Parameter Boolean allowInsecureRegistries;

  /** Skip this goal for this module. Default false. Property {@code container.skip}. */
  @Parameter Boolean skip;

  /**
   * The folder that holds the app's {@code package.json}. Default: the module's folder. Property
   * {@code container.projectDirectory}.
   */
  @Parameter String projectDirectory;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  @Parameter(defaultValue = "${plugin}", readonly = true)
  PluginDescriptor plugin;

  private final SettingsDecrypter decrypter;

  AbstractContainerMojo(SettingsDecrypter decrypter) {
    this.decrypter = decrypter;
  }

  /** The goal's name, for log lines. */
  abstract String goal();

  /** Where this goal sends the image. */
  abstract ImageTarget target(String image, List<String> tags) throws MojoFailureException;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    try {
      Optional<ContainerRequest> request = prepare();
      if (request.isPresent()) {
        run(request.get());
      }
    } catch (ProjectException e) {
      throw withCauseLogged(new MojoFailureException(e.getMessage()), e);
    } catch (EnvironmentException e) {
      throw withCauseLogged(new MojoExecutionException(e.getMessage()), e);
    }
  }

  /**
   * Returns {@code failure} after logging {@code cause} at debug level: Maven appends to its error
   * line the message of every chained cause that the line does not already hold, so a chained
   * library exception would repeat in its own words what the message says; -X still shows it.
   */
  private <T extends Exception> T withCauseLogged(T failure, RuntimeException cause) {
    getLog().debug("container:" + goal() + " stopped because of", cause);
    return failure;
  }

  /** Runs {@code request}: builds the image; goals that do something else override this. */
  void run(ContainerRequest request) {
    new ContainerBuild(log()).run(request);
  }

  /** The request this goal would run, or empty (with one log line) when it is skipped here. */
  Optional<ContainerRequest> prepare() throws MojoFailureException {
    Parameters params = parameters();
    if (params.bool("container.skip", skip, false)) {
      getLog().info("container:" + goal() + " skipped: container.skip is true for this module");
      return Optional.empty();
    }
    Path dir = projectDirectory(params);
    Optional<String> noApp = NodeProject.noAppReason(dir);
    boolean noPackageJson = !Files.isRegularFile(dir.resolve("package.json"));
    if (noApp.isPresent() && (!noPackageJson || isAggregator())) {
      getLog().info("container:" + goal() + " skipped: " + noApp.get());
      return Optional.empty();
    }
    return Optional.of(request(params, dir));
  }

  private boolean isAggregator() {
    return "pom".equals(project.getPackaging()) || session.getProjects().size() > 1;
  }

  Parameters parameters() {
    return new Parameters(session.getUserProperties(), project.getProperties());
  }

  BuildLog log() {
    return new MavenBuildLog(getLog());
  }

  private Path projectDirectory(Parameters params) {
    String configured = params.string("container.projectDirectory", projectDirectory);
    Path base = project.getBasedir().toPath();
    return configured == null ? base : base.resolve(configured).normalize();
  }

  ContainerRequest request(Parameters params, Path dir) throws MojoFailureException {
    ToConfig toConfig = to == null ? new ToConfig() : to;
    String image = params.string("container.to.image", "image", toConfig.image);
    return new ContainerRequest(
        dir,
        Path.of(project.getBuild().getDirectory()),
        nodeSettings(params),
        containerSettings(params),
        target(image, params.list("container.to.tags", toConfig.tags)),
        registries(params),
        buildLabels(),
        plugin == null ? "unknown" : plugin.getVersion());
  }

  private NodeSettings nodeSettings(Parameters params) {
    NodeConfig n = node == null ? new NodeConfig() : node;
    return new NodeSettings(
        params.bool("container.node.skip", n.skip, false),
        params.string("container.node.buildScript", n.buildScript),
        params.string("container.node.packageManager", n.packageManager),
        params.map("container.node.buildEnvironment", n.buildEnvironment));
  }

  private ContainerSettings containerSettings(Parameters params) {
    ContainerConfig c = container == null ? new ContainerConfig() : container;
    FromConfig f = from == null ? new FromConfig() : from;
    return new ContainerSettings(
        params.string("container.from.image", f.image),
        params.list("container.entrypoint", c.entrypoint),
        params.list("container.args", c.args),
        params.map("container.environment", c.environment),
        params.list("container.ports", c.ports),
        params.string("container.user", c.user),
        params.string("container.workingDirectory", c.workingDirectory),
        params.map("container.labels", c.labels),
        params.string("container.creationTime", c.creationTime));
  }

  private JibImageWriter.Options registries(Parameters params) {
    String home = System.getProperty("user.home");
    String baseCache =
        params.string(
            "container.baseImageCache",
            Path.of(home, ".cache", "container-maven-plugin", "base-image-layers").toString());
    return new JibImageWriter.Options(
        params.bool("container.allowInsecureRegistries", allowInsecureRegistries, false),
        Path.of(baseCache),
        Path.of(project.getBuild().getDirectory(), "container", "layer-cache"),
        credentials(params, "from", from == null ? null : from.auth, fromHelper()),
        credentials(params, "to", to == null ? null : to.auth, toHelper()));
  }

  private String fromHelper() {
    return from == null ? null : from.credHelper;
  }

  private String toHelper() {
    return to == null ? null : to.credHelper;
  }

  private CredentialSource credentials(
      Parameters params, String side, AuthConfig auth, String helper) {
    String prefix = "container." + side + ".";
    String user = params.string(prefix + "auth.username", auth == null ? null : auth.username);
    String pass = params.string(prefix + "auth.password", auth == null ? null : auth.password);
    String credHelper = params.string(prefix + "credHelper", helper);
    List<CredentialSource> chain = new ArrayList<>();
    if (user != null && pass != null) {
      RegistryCredential configured = new RegistryCredential(user, pass, "<" + side + "><auth>");
      chain.add(registry -> Optional.of(configured));
    }
    if (credHelper != null) {
      chain.add(DockerConfigCredentials.helper(credHelper, log()));
    }
    chain.add(new MavenSettingsCredentials(settings, decrypter, log()));
    chain.add(DockerConfigCredentials.dockerConfig(log()));
    return registry ->
        chain.stream().map(source -> source.find(registry)).flatMap(Optional::stream).findFirst();
  }

  private Map<String, String> buildLabels() {
    Map<String, String> labels = new TreeMap<>();
    String prefix = "org.opencontainers.image.";
    putIfSet(labels, prefix + "title", project.getArtifactId());
    putIfSet(labels, prefix + "version", project.getVersion());
    putIfSet(labels, prefix + "description", project.getDescription());
    putIfSet(labels, prefix + "url", project.getUrl());
    if (project.getScm() != null) {
      putIfSet(labels, prefix + "source", project.getScm().getUrl());
    }
    List<String> licenses = project.getLicenses().stream().map(License::getName).toList();
    if (!licenses.isEmpty()) {
      labels.put(prefix + "licenses", String.join(" OR ", licenses));
    }
    return labels;
  }

  private static void putIfSet(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }

  /** The image reference used when none is configured: {@code artifactId:version}. */
  String defaultImage() {
    return (project.getArtifactId() + ":" + project.getVersion()).toLowerCase(Locale.ROOT);
  }
}
