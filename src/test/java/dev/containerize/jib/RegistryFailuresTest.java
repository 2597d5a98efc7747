package dev.containerize.jib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.api.client.http.HttpResponseException;
import com.google.cloud.tools.jib.api.ImageReference;
import dev.containerize.EnvironmentException;
import dev.containerize.ProjectException;
import dev.containerize.image.ImagePlan;
import dev.containerize.jib.RegistryFailures.Exchange;
import dev.containerize.jib.RegistryFailures.ImageUse;
import dev.containerize.testing.FaultyRegistry;
import dev.containerize.testing.RecordingLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one error each registry fault ends in, from real exchanges: Jib talks to a {@link
 * FaultyRegistry} with no registry behind it, whose every request meets a fault.
 */
class RegistryFailuresTest {
  private static final int ALWAYS = Integer.MAX_VALUE;
  private static final String TO = "<to><image> (-Dcontainer.to.image or -Dimage)";
  private static final String FROM = "<from><image> (-Dcontainer.from.image)";

  @TempDir Path temp;
  private final RecordingLog log = new RecordingLog();
  private final FaultyRegistry registry = FaultyRegistry.start("127.0.0.1:" + closedPort());

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void unknownHostNamesTheRegistryAndTheParameter() {
    Throwable failure = push("scratch", "registry.invalid/it/app:1", false);

    assertThat(failure)
        .isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith(
            "Cannot reach registry.invalid, the registry of registry.invalid/it/app:1 in " + TO)
        .hasMessageContaining("no host is known by that name")
        .hasMessageContaining("-Dhttps.proxyHost");
  }

  @Test
  void unknownBaseImageHostNamesFromImage() {
    Throwable failure = push("registry.invalid/node:20", registry.address() + "/it/app:1", true);

    assertThat(failure)
        .isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith(
            "Cannot reach registry.invalid, the registry of registry.invalid/node:20 in " + FROM);
    assertThat(registry.served()).isEmpty();
  }

  @Test
  void refusedConnectionSaysNothingListens() {
    String closed = "127.0.0.1:" + closedPort();

    Throwable failure = push("scratch", closed + "/it/app:1", true);

    assertThat(failure)
        .isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith("Cannot reach " + closed + ", the registry of " + closed)
        .hasMessageContaining("nothing accepts connections there (Connection refused)")
        .hasMessageContaining("Check that the registry is running");
  }

  @Test
  void plainHttpRegistryIsRefusedWithoutInsecureRegistries() {
    Throwable failure = push("scratch", registry.address() + "/it/app:1", false);

    assertThat(failure)
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining(registry.address() + ", the registry of ")
        .hasMessageContaining("answers in plain HTTP, not HTTPS")
        .hasMessageContaining("<allowInsecureRegistries>true</allowInsecureRegistries>")
        .hasMessageContaining("-Dcontainer.allowInsecureRegistries=true");
    assertThat(registry.served()).containsExactly("(a TLS handshake, or nothing) -> refused");
  }

  @Test
  void untrustedCertificateSaysHowToTrustIt() {
    ImageUse use = new ImageUse(ImageReference.of("registry.example.com", "team/app", "1"), TO);
    SSLHandshakeException untrusted =
        new SSLHandshakeException("PKIX path building failed: unable to find valid certification");

    ProjectException failure = RegistryFailures.notHttps(use, untrusted);

    assertThat(failure)
        .hasMessageStartingWith(
            "registry.example.com, the registry of registry.example.com/team/app:1 in " + TO)
        .hasMessageContaining("is not served over HTTPS with a certificate this JVM trusts")
        .hasMessageContaining("(PKIX path building failed: unable to find valid certification)")
        .hasMessageContaining("-Djavax.net.ssl.trustStore")
        .hasMessageContaining("-Dcontainer.allowInsecureRegistries=true")
        .hasCause(untrusted);
  }

  @Test
  void credentialsAskedForOverPlainHttpSayWhyTheyWereNotSent() {
    registry.answer(401, ALWAYS, ".*");

    Throwable failure = push("scratch", registry.address() + "/it/app:1", true);

    assertThat(failure)
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith(
            "The registry " + registry.address() + " asks for credentials over plain HTTP")
        .hasMessageContaining("Serve it over HTTPS")
        .hasMessageContaining("-Djib.sendCredentialsOverHttp=true");
  }

  @Test
  void forbiddenPushSaysTheAccountMayNotPush() {
    registry.answer(200, ALWAYS, "GET /v2/").answer(404, ALWAYS, "HEAD .*", "BLOB_UNKNOWN");
    registry.answer(403, ALWAYS, ".*");

    Throwable failure = push("scratch", registry.address() + "/it/app:1", true);

    assertThat(failure)
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith("The registry " + registry.address() + " refused the push to ")
        .hasMessageContaining("(403 Forbidden: DENIED requested access to the resource is denied)")
        .hasMessageContaining("may not push to that repository")
        .hasMessageContaining("<id>" + registry.address() + "</id>");
    assertThat(log.lines()).noneMatch(line -> line.contains("retry"));
  }

  @Test
  void registryThatKeepsFailingIsRetriedThenNamed() {
    registry.answer(503, ALWAYS, ".*");

    Throwable failure = push("scratch", registry.address() + "/it/app:1", true);

    assertThat(failure)
        .isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith(
            "The registry " + registry.address() + " kept failing while building ")
        .hasMessageContaining("503 Injected fault (UNAVAILABLE service unavailable) on ")
        .hasMessageContaining("still after 3 retries")
        .hasMessageContaining("run the build again")
        .hasRootCauseInstanceOf(HttpResponseException.class);
    assertThat(log.lines())
        .filteredOn(line -> line.startsWith("WARN Pushing"))
        .hasSize(3)
        .allMatch(line -> line.contains("failed (503 Injected fault"))
        .last()
        .asString()
        .endsWith("retry 3 of 3 in 0 s.");
  }

  @Test
  void aDroppedConnectionNamesTheRegistryJibReportedIt() {
    Exchange exchange =
        new Exchange(
            ImageReference.of("registry.example.com", "library/node", "20"),
            ImageReference.of("apps.example.com", "team/app", "1"),
            3,
            "I/O error for image [registry.example.com/library/node]:");

    Throwable failure = RegistryFailures.explain(new SocketException("Connection reset"), exchange);

    assertThat(failure)
        .isInstanceOf(EnvironmentException.class)
        .hasMessage(
            "The registry registry.example.com kept failing while building"
                + " apps.example.com/team/app:1: the connection dropped: SocketException:"
                + " Connection reset, still after 3 retries. It may be down or overloaded, or a"
                + " proxy may be cutting connections: check it and run the build again; what it"
                + " already holds is not sent again.");
  }

  @Test
  void missingBaseImageNamesFromImage() {
    registry.answer(200, ALWAYS, "GET /v2/").answer(404, ALWAYS, "GET /v2/base/node/manifests/19");
    registry.answer(500, ALWAYS, ".*");
    String base = registry.address() + "/base/node:19";

    Throwable failure = push(base, registry.address() + "/it/app:1", true);

    assertThat(failure)
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith("The base image " + base + " does not exist in its registry")
        .hasMessageContaining("manifest unknown")
        .hasMessageEndingWith("has no such repository or tag. Check " + FROM + ".");
  }

  @Test
  void missingTargetRepositorySaysToCreateIt() {
    registry.answer(200, ALWAYS, "GET /v2/").answer(404, ALWAYS, "HEAD .*", "BLOB_UNKNOWN");
    registry.answer(404, ALWAYS, "POST .*", "NAME_UNKNOWN").answer(500, ALWAYS, ".*");

    Throwable failure = push("scratch", registry.address() + "/it/app:1", true);

    assertThat(failure)
        .isInstanceOf(ProjectException.class)
        .hasMessageStartingWith("The registry " + registry.address() + " has no repository it/app")
        .hasMessageContaining("Create the repository first")
        .hasMessageContaining("check " + TO);
  }

  private Throwable push(String base, String image, boolean allowInsecure) {
    return write(base, ImageTarget.Kind.REGISTRY, image, allowInsecure);
  }

  private Throwable write(String base, ImageTarget.Kind kind, String image, boolean allowInsecure) {
    ImagePlan plan =
        new ImagePlan(
            base,
            List.of(),
            List.of("node", "app.js"),
            List.of(),
            new TreeMap<>(),
            "1000:1000",
            "/app",
            new TreeSet<>(),
            new TreeMap<>(),
            Instant.EPOCH);
    ImageTarget target = new ImageTarget(ImageTarget.Kind.REGISTRY, image, List.of(), null);
    JibImageWriter.Options options =
        new JibImageWriter.Options(
            allowInsecure,
            temp.resolve("base-cache"),
            temp.resolve("app-cache"),
            host -> Optional.empty(),
            host -> Optional.empty());
    List<Duration> noWait = Collections.nCopies(3, Duration.ZERO);
    return catchThrowable(
        () -> new JibImageWriter(log, "test", noWait).write(plan, target, options));
  }

  /** A loopback port that nothing listens on. */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
