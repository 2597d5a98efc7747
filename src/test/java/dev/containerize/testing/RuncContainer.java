package dev.containerize.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A container run with runc from an image in a loopback registry, sharing the machine's network so
 * that its servers listen on the machine's loopback.
 *
 * <p>The image's user, arguments, environment and working directory are used as they are. Each
 * container needs its own work directory, which keeps {@code container.log} after {@link #close()}.
 */
public final class RuncContainer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration HTTP_WAIT = Duration.ofSeconds(60);
  // HTTP/1.1 only: the default client asks plain-HTTP servers to upgrade to HTTP/2 (h2c), and
  // Next.js closes the connection of any request that asks for an upgrade.
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final String id;
  private final Path workDir;
  private final Thread shutdownHook;

  private RuncContainer(String id, Path workDir) {
    this.id = id;
    this.workDir = workDir;
    this.shutdownHook = new Thread(this::stop);
  }

  /** The status and body of an HTTP answer. */
  public record Response(int status, String body) {}

  /** Starts the image with no extra environment; see {@link #start(String, Path, Map)}. */
  public static RuncContainer start(String ref, Path workDir) {
    return start(ref, workDir, Map.of());
  }

  /** Copies the image, unpacks it under the work directory and starts it in the background. */
  public static RuncContainer start(String ref, Path workDir, Map<String, String> extraEnv) {
    Path dir = workDir.toAbsolutePath();
    RuncContainer container =
        new RuncContainer("it-" + UUID.randomUUID().toString().substring(0, 13), dir);
    container.prepare(ref, extraEnv);
    Runtime.getRuntime().addShutdownHook(container.shutdownHook);
    container.run();
    return container;
  }

  /** Returns a TCP port on the loopback interface that was free a moment ago. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  /** Returns the runc container id. */
  public String id() {
    return id;
  }

  /** Returns the unpacked root file system of the container. */
  public Path rootfs() {
    return workDir.resolve("bundle/rootfs");
  }

  /** GETs a path on the loopback port, retrying for 60 s, and returns a 2xx answer's body. */
  public String get(int port, String path) {
    Response response = request(port, path);
    if (response.status() / 100 != 2) {
      throw new IllegalStateException(
          "GET " + url(port, path) + " answered " + response.status() + ": " + response.body());
    }
    return response.body();
  }

  /** GETs a path on the loopback port, retrying until the server answers or 60 s pass. */
  public Response request(int port, String path) {
    URI uri = url(port, path);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
    Instant deadline = Instant.now().plus(HTTP_WAIT);
    while (true) {
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
      } catch (IOException e) {
        if (!isRunning() || Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "No answer from " + uri + " (" + e + "); container log:\n" + logs(), e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while requesting " + uri, e);
      }
      pause();
    }
  }

  /** Returns what the container has written to its standard output and error so far. */
  public String logs() {
    try {
      Path log = workDir.resolve("container.log");
      return Files.exists(log) ? new String(Files.readAllBytes(log), UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the host process id of the container's main process. */
  public int pid() {
    try {
      return Integer.parseInt(Files.readString(workDir.resolve("pid")).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("No pid file for container " + id, e);
    }
  }

  /** Tells whether the container's main process is still running. */
  public boolean isRunning() {
    try {
      JsonNode state = JSON.readTree(Command.run(runc(), "state", id));
      return state.path("status").asText().equals("running");
    } catch (IOException | IllegalStateException e) {
      return false;
    }
  }

  /** Sends a signal such as {@code TERM} or {@code KILL} to the container's main process. */
  public void signal(String signal) {
    Command.run(runc(), "kill", id, signal);
  }

  /** Waits until the container's main process has exited and tells whether it did in time. */
  public boolean waitForExit(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (isRunning()) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      pause();
    }
    return true;
  }

  /** Kills and deletes the container and its unpacked files, keeping the log; never throws. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down; the hook does the same work.
    }
  }

  private void stop() {
    try {
      Command.of(runc(), "kill", id, "KILL").timeout(Duration.ofSeconds(10)).run();
    } catch (RuntimeException e) {
      // Already stopped, or never started.
    }
    waitForExit(Duration.ofSeconds(5));
    try {
      Command.of(runc(), "delete", "-f", id).timeout(Duration.ofSeconds(10)).run();
    } catch (RuntimeException e) {
      // Already deleted, or never created.
    }
    ImageInspection.deleteTree(workDir.resolve("bundle"));
    ImageInspection.deleteTree(workDir.resolve("oci"));
  }

  private void prepare(String ref, Map<String, String> extraEnv) {
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImageInspection.deleteTree(workDir.resolve("bundle"));
    ImageInspection.deleteTree(workDir.resolve("oci"));
    ImageInspection.deleteTree(workDir.resolve("container.log"));
    ImageInspection.deleteTree(workDir.resolve("pid"));
    String layout = workDir.resolve("oci") + ":img";
    List<String> copy = new ArrayList<>(List.of("skopeo", "copy"));
    copy.addAll(ImageInspection.authOptions());
    copy.addAll(List.of("--quiet", "--src-tls-verify=false", "docker://" + ref, "oci:" + layout));
    Command.of(copy).run();
    Command.of(unpackCommand(layout)).run();
    editConfig(workDir.resolve("bundle/config.json"), extraEnv);
  }

  private List<String> unpackCommand(String layout) {
    String bundle = workDir.resolve("bundle").toString();
    return isRoot()
        ? List.of("umoci", "unpack", "--image", layout, bundle)
        : List.of("umoci", "unpack", "--rootless", "--image", layout, bundle);
  }

  private void run() {
    Path log = workDir.resolve("container.log");
    List<String> command =
        List.of(runc(), "run", "-d", "--pid-file", workDir.resolve("pid").toString(), id);
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(workDir.resolve("bundle").toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        close();
        throw new IllegalStateException(
            "Command failed: " + String.join(" ", command) + "\n--- log ---\n" + logs());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting container " + id, e);
    }
  }

  private static void editConfig(Path file, Map<String, String> extraEnv) {
    try {
      ObjectNode config = (ObjectNode) JSON.readTree(file.toFile());
      ObjectNode process = (ObjectNode) config.get("process");
      process.remove("rlimits");
      process.put("terminal", false);
      addEnv(array(process, "env"), extraEnv);
      ObjectNode linux = (ObjectNode) config.get("linux");
      shareNetwork(config, linux);
      mapIdentity(linux);
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), config);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not edit " + file, e);
    }
  }

  private static void addEnv(ArrayNode env, Map<String, String> extraEnv) {
    extraEnv.forEach(
        (name, value) -> {
          env.removeIf(entry -> entry.asText().startsWith(name + "="));
          env.add(name + "=" + value);
        });
  }

  private static void shareNetwork(ObjectNode config, ObjectNode linux) {
    ArrayNode namespaces = array(linux, "namespaces");
    namespaces.removeIf(namespace -> namespace.path("type").asText().equals("network"));
    ArrayNode mounts = array(config, "mounts");
    boolean hasResolvConf = false;
    for (JsonNode mount : mounts) {
      hasResolvConf |= mount.path("destination").asText().equals("/etc/resolv.conf");
    }
    if (!hasResolvConf && Files.exists(Path.of("/etc/resolv.conf"))) {
      ObjectNode mount = mounts.addObject();
      mount.put("destination", "/etc/resolv.conf").put("type", "bind");
      mount.put("source", "/etc/resolv.conf");
      mount.putArray("options").add("rbind").add("ro");
    }
  }

  private static void mapIdentity(ObjectNode linux) {
    boolean userNamespace = false;
    for (JsonNode namespace : linux.path("namespaces")) {
      userNamespace |= namespace.path("type").asText().equals("user");
    }
    linux.remove(List.of("uidMappings", "gidMappings"));
    if (userNamespace) {
      for (String field : List.of("uidMappings", "gidMappings")) {
        linux.putArray(field).addObject().put("containerID", 0).put("hostID", 0).put("size", 65536);
      }
    }
  }

  private static ArrayNode array(ObjectNode object, String field) {
    JsonNode value = object.get(field);
    return value instanceof ArrayNode array ? array : object.putArray(field);
  }

  private static boolean isRoot() {
    return Command.run("id", "-u").strip().equals("0");
  }

  private static String runc() {
    return Files.isExecutable(Path.of("/usr/sbin/runc")) ? "/usr/sbin/runc" : "runc";
  }

  private static URI url(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/" + path));
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /** Returns the container id and its work directory. */
  @Override
  public String toString() {
    return "runc container " + id + " in " + workDir;
  }
}
