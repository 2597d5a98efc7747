package dev.containerize.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.containerize.BuildLog;
import dev.containerize.EnvironmentException;
import dev.containerize.ProjectException;
import dev.containerize.image.ImageFile;
import dev.containerize.image.ImageLayer;
import dev.containerize.image.ImagePlan;
import dev.containerize.jib.RegistryFailures.Exchange;
import dev.containerize.jib.RegistryFailures.ImageUse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/** Renders an {@link ImagePlan} with Jib Core and sends it to its target. */
public final class JibImageWriter {
  /** Every file in every layer gets this time, so that layers depend only on content. */
  static final Instant FILE_TIME = Instant.ofEpochSecond(1);

  /** Names the base image in messages. */
  static final String FROM_IMAGE = "<from><image> (-Dcontainer.from.image)";

  /** Names the image to build in messages. */
  static final String TO_IMAGE = "<to><image> (-Dcontainer.to.image or -Dimage)";

  /**
   * Options for talking to registries and caching.
   *
   * @param allowInsecureRegistries whether plain HTTP and unverified TLS are allowed
   * @param baseImageCache the folder that caches base image layers, shared between builds
   * @param applicationCache the folder that caches this project's layers
   * @param fromCredentials where to look for the base image registry's credentials
   * @param toCredentials where to look for the target registry's credentials
   */
  public record Options(
      boolean allowInsecureRegistries,
      Path baseImageCache,
      Path applicationCache,
      CredentialSource fromCredentials,
      CredentialSource toCredentials) {}

  private final BuildLog log;
  private final String toolVersion;
  private final List<Duration> retryDelays;

  /** Creates a writer that reports to {@code log}. */
  public JibImageWriter(BuildLog log, String toolVersion) {
    this(log, toolVersion, RegistryRetry.DELAYS);
  }

  /** Creates a writer that waits {@code retryDelays} before retrying a transient failure. */
  JibImageWriter(BuildLog log, String toolVersion, List<Duration> retryDelays) {
    this.log = log;
    this.toolVersion = toolVersion;
    this.retryDelays = List.copyOf(retryDelays);
  }

  /**
   * Checks the image references and tags before any work is done: {@code target}, and the
   * configured base image unless it is null or blank (then the default is used).
   */
  public static void check(ImageTarget target, String configuredBaseImage) {
    if (configuredBaseImage != null && !configuredBaseImage.isBlank()) {
      parse(configuredBaseImage.trim(), FROM_IMAGE);
    }
    parse(target.image(), TO_IMAGE);
    target.tags().forEach(JibImageWriter::checkTag);
  }

  /** Builds the image of {@code plan} and sends it to {@code target}. */
  public BuildResult write(ImagePlan plan, ImageTarget target, Options options) {
    ImageReference base = parse(plan.baseImage(), FROM_IMAGE);
    ImageReference to = parse(target.image(), TO_IMAGE);
    target.tags().forEach(JibImageWriter::checkTag);
    probeRegistries(base, target, to, options.allowInsecureRegistries());
    JibLogEvents events = new JibLogEvents(log);
    JibContainerBuilder builder = configure(from(base, options), plan);
    Containerizer containerizer = containerizer(target, to, options, events);
    RegistryRetry retry = new RegistryRetry(log, events, retryDelays);
    try {
      JibContainer container =
          retry.run(describe(target, to), () -> builder.containerize(containerizer));
      return new BuildResult(
          to.toString(),
          container.getDigest().toString(),
          container.getImageId().toString(),
          container.getTags().stream().sorted().toList());
    } catch (ExecutionException e) {
      throw isDockerFailure(target, e.getCause())
          ? dockerFailed((IOException) e.getCause())
          : RegistryFailures.explain(e.getCause(), exchange(base, to, retry, events));
    } catch (RegistryException e) {
      throw RegistryFailures.explain(e, exchange(base, to, retry, events));
    } catch (IOException e) {
      throw failedToWrite(e, target, options, exchange(base, to, retry, events));
    } catch (CacheDirectoryCreationException e) {
      throw new EnvironmentException(
          "Cannot write the image caches under "
              + options.applicationCache()
              + " or "
              + options.baseImageCache()
              + ": "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvironmentException("Interrupted while building " + to, e);
    }
  }

  /** Fails at once where Jib would retry in vain: unknown hosts, refusals, untrusted TLS. */
  private static void probeRegistries(
      ImageReference base, ImageTarget target, ImageReference to, boolean allowInsecure) {
    if (!base.isScratch()) {
      RegistryProbe.check(new ImageUse(base, FROM_IMAGE), allowInsecure);
    }
    if (target.kind() == ImageTarget.Kind.REGISTRY
        && !to.getRegistry().equals(base.getRegistry())) {
      RegistryProbe.check(new ImageUse(to, TO_IMAGE), allowInsecure);
    }
  }

  private static String describe(ImageTarget target, ImageReference to) {
    return target.kind() == ImageTarget.Kind.REGISTRY
        ? "Pushing " + to
        : "Pulling the base image for " + to;
  }

  private static Exchange exchange(
      ImageReference base, ImageReference to, RegistryRetry retry, JibLogEvents events) {
    return new Exchange(base, to, retry.retries(), events.lastFailedRequest());
  }

  private static RuntimeException failedToWrite(
      IOException e, ImageTarget target, Options options, Exchange exchange) {
    if (isDockerFailure(target, e)) {
      return dockerFailed(e);
    }
    if (RegistryRetry.isTransient(e) || RegistryRetry.responseIn(e).isPresent()) {
      return RegistryFailures.explain(e, exchange);
    }
    return new EnvironmentException("Cannot write " + describe(target, options) + ": " + e, e);
  }

  /** Whether {@code failure} came from loading into Docker, not from a registry's answer. */
  static boolean isDockerFailure(ImageTarget target, Throwable failure) {
    return target.kind() == ImageTarget.Kind.DOCKER
        && failure instanceof IOException
        && RegistryRetry.responseIn(failure).isEmpty()
        && !RegistryRetry.isTransient(failure);
  }

  private static EnvironmentException dockerFailed(IOException e) {
    return new EnvironmentException(
        "Loading the image into Docker failed ("
            + RegistryFailures.oneLine(e.getMessage())
            + "). container:docker-build needs the `docker` client on the PATH and a running"
            + " Docker engine; without one, use container:build (push to a registry) or"
            + " container:build-tar.",
        e);
  }

  private static String describe(ImageTarget target, Options options) {
    return target.kind() == ImageTarget.Kind.TAR
        ? target.tarFile().toString()
        : "the layer caches under " + options.applicationCache();
  }

  private JibContainerBuilder from(ImageReference base, Options options) {
    if (base.isScratch()) {
      return Jib.fromScratch();
    }
    RegistryImage from = RegistryImage.named(base);
    from.addCredentialRetriever(retriever(options.fromCredentials(), base.getRegistry()));
    return Jib.from(from);
  }

  private JibContainerBuilder configure(JibContainerBuilder builder, ImagePlan plan) {
    return builder
        .setFileEntriesLayers(plan.layers().stream().map(JibImageWriter::toJib).toList())
        .setEntrypoint(plan.entrypoint())
        .setProgramArguments(plan.arguments().isEmpty() ? null : plan.arguments())
        .setEnvironment(plan.environment())
        .setUser(plan.user())
        .setWorkingDirectory(AbsoluteUnixPath.get(plan.workingDirectory()))
        .setExposedPorts(plan.ports().stream().map(Port::tcp).collect(Collectors.toSet()))
        .setLabels(plan.labels())
        .setCreationTime(plan.creationTime());
  }

  static FileEntriesLayer toJib(ImageLayer layer) {
    FileEntriesLayer.Builder builder = FileEntriesLayer.builder().setName(layer.name());
    for (ImageFile file : layer.files()) {
      builder.addEntry(
          new FileEntry(
              file.isDirectory() ? Path.of("/") : file.source(),
              AbsoluteUnixPath.get(file.path()),
              FilePermissions.fromOctalString(String.format("%03o", file.mode())),
              FILE_TIME,
              file.owner()));
    }
    return builder.build();
  }

  private Containerizer containerizer(
      ImageTarget target, ImageReference to, Options options, JibLogEvents events) {
    Containerizer containerizer =
        switch (target.kind()) {
          case REGISTRY -> {
            RegistryImage image = RegistryImage.named(to);
            image.addCredentialRetriever(retriever(options.toCredentials(), to.getRegistry()));
            yield Containerizer.to(image);
          }
          case TAR -> Containerizer.to(TarImage.at(target.tarFile()).named(to));
          case DOCKER -> Containerizer.to(DockerDaemonImage.named(to));
        };
    target.tags().forEach(containerizer::withAdditionalTag);
    return containerizer
        .setAllowInsecureRegistries(options.allowInsecureRegistries())
        .setBaseImageLayersCache(options.baseImageCache())
        .setApplicationLayersCache(options.applicationCache())
        .setToolName("container-maven-plugin")
        .setToolVersion(toolVersion)
        .addEventHandler(LogEvent.class, events);
  }

  private CredentialRetriever retriever(CredentialSource source, String registry) {
    return () -> {
      Optional<RegistryCredential> found = source.find(registry);
      found.ifPresent(c -> log.debug("Using the " + c + " for " + registry));
      return found.map(c -> Credential.from(c.username(), c.password()));
    };
  }

  private static ImageReference parse(String reference, String parameter) {
    try {
      return ImageReference.parse(reference);
    } catch (InvalidImageReferenceException | RuntimeException e) {
      throw new ProjectException(
          parameter
              + " is \""
              + reference
              + "\", which is not a valid image reference. Use REGISTRY/REPOSITORY:TAG, for"
              + " example registry.example.com/team/app:1.0 (lower-case repository).");
    }
  }

  private static void checkTag(String tag) {
    if (!tag.matches("[\\w][\\w.-]{0,127}")) {
      throw new ProjectException(
          "<to><tags> (-Dcontainer.to.tags) holds \""
              + tag
              + "\", which is not a valid tag: use letters, digits, '_', '.' and '-', at most"
              + " 128, not starting with '.' or '-'.");
    }
  }
}
