package dev.containerize.testing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A plain-HTTP proxy on loopback in front of a real registry that injects faults: it answers chosen
 * requests with an error status, or drops the connection in the middle of a blob upload.
 *
 * <p>Every request is forwarded on a connection of its own ({@code Connection: close}), so that
 * each one is seen and counted. The {@code Host} header is kept, so the registry's upload locations
 * point back at the proxy. A TLS handshake gets the answer a plain-HTTP registry gives, so clients
 * that allow insecure registries fall back to HTTP. Faults can be changed while it runs (an
 * integration test heals the registry between two builds). Without an upstream registry (any unused
 * port), it serves unit tests whose every request meets a fault.
 */
public final class FaultyRegistry implements AutoCloseable {
  private static final int TLS_HANDSHAKE = 0x16;
  private static final int MAX_HEAD = 64 * 1024;

  /** The messages a Distribution registry gives with the error codes of the spec. */
  private static final Map<String, String> SPEC_MESSAGES =
      Map.of(
          "BLOB_UNKNOWN", "blob unknown to registry",
          "BLOB_UPLOAD_INVALID", "blob upload invalid",
          "DENIED", "requested access to the resource is denied",
          "MANIFEST_UNKNOWN", "manifest unknown",
          "NAME_UNKNOWN", "repository name not known to registry",
          "UNAUTHORIZED", "authentication required",
          "UNAVAILABLE", "service unavailable");

  private static final Pattern UPLOAD = Pattern.compile("(PATCH|PUT) /v2/.+/blobs/uploads/.*");

  private final InetSocketAddress upstream;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(FaultyRegistry::daemon);
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final List<Cut> cuts = new CopyOnWriteArrayList<>();
  private final List<String> served = new CopyOnWriteArrayList<>();
  private final Set<String> cutUploads = ConcurrentHashMap.newKeySet();

  private record Answer(Pattern request, int status, String body, AtomicInteger remaining) {}

  private record Cut(long afterBytes, AtomicInteger remaining) {}

  private FaultyRegistry(InetSocketAddress upstream, ServerSocket server) {
    this.upstream = upstream;
    this.server = server;
  }

  /** Starts a proxy on a free loopback port in front of {@code upstream} ({@code host:port}). */
  public static FaultyRegistry start(String upstream) {
    String[] hostPort = upstream.split(":");
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      FaultyRegistry proxy =
          new FaultyRegistry(
              new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), server);
      proxy.threads.execute(proxy::accept);
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on loopback", e);
    }
  }

  /** The proxy's {@code 127.0.0.1:PORT}, to use as a registry in image references. */
  public String address() {
    return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  /**
   * Answers {@code status} instead of forwarding, to the first {@code times} requests whose {@code
   * "METHOD /path?query"} matches {@code request} (a regular expression, matched whole), with an
   * error of the distribution spec that suits the status ({@code UNAUTHORIZED} with a Basic
   * challenge for 401, {@code DENIED} for 403, {@code MANIFEST_UNKNOWN} for 404, {@code
   * UNAVAILABLE} otherwise; an empty object for 2xx).
   */
  public FaultyRegistry answer(int status, int times, String request) {
    String code =
        switch (status) {
          case 401 -> "UNAUTHORIZED";
          case 403 -> "DENIED";
          case 404 -> "MANIFEST_UNKNOWN";
          default -> "UNAVAILABLE";
        };
    return answer(status, times, request, code);
  }

  /** Answers as {@link #answer(int, int, String)} does, with the error code {@code code}. */
  public FaultyRegistry answer(int status, int times, String request, String code) {
    String body =
        status < 300
            ? "{}"
            : "{\"errors\":[{\"code\":\""
                + code
                + "\",\"message\":\""
                + SPEC_MESSAGES.getOrDefault(code, "injected by FaultyRegistry")
                + "\",\"detail\":null}]}";
    answers.add(new Answer(Pattern.compile(request), status, body, new AtomicInteger(times)));
    return this;
  }

  /**
   * Drops the connection of the first {@code times} blob uploads (a {@code PATCH} or {@code PUT}
   * with a body to {@code /blobs/uploads/}) once {@code afterBytes} bytes of their body have been
   * passed on; smaller uploads go through. A request sent again to an upload that was cut (the
   * client's own retry) is passed on, and the registry answers it as it sees fit.
   */
  public FaultyRegistry cutUploads(long afterBytes, int times) {
    cuts.add(new Cut(afterBytes, new AtomicInteger(times)));
    return this;
  }

  /** Forgets every fault: from now on every request is forwarded as it is. */
  public FaultyRegistry heal() {
    answers.clear();
    cuts.clear();
    return this;
  }

  /** One line per request so far: {@code "METHOD /path -> what the proxy did"}. */
  public List<String> served() {
    return List.copyOf(served);
  }

  /** How many requests so far matched {@code request} and got {@code outcome}. */
  public long count(String request, String outcome) {
    Pattern pattern = Pattern.compile(request + " -> " + outcome);
    return served.stream().filter(line -> pattern.matcher(line).matches()).count();
  }

  /** Stops listening and drops every open connection. */
  @Override
  public void close() {
    closeQuietly(server);
    open.forEach(FaultyRegistry::closeQuietly);
    threads.shutdownNow();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      Optional<RequestHead> head = RequestHead.read(in);
      if (head.isEmpty()) {
        // Each line is recorded before the client can see what it records.
        served.add("(a TLS handshake, or nothing) -> refused");
        refuseTls(client.getOutputStream());
        return;
      }
      Optional<Answer> answer = takeAnswer(head.get());
      if (answer.isPresent()) {
        head.get().skipBody(in);
        served.add(head.get().request() + " -> answered " + answer.get().status());
        respond(client.getOutputStream(), answer.get());
      } else {
        forward(client, in, head.get());
      }
    } catch (IOException e) {
      // The client went away; what the proxy did was recorded before.
    } finally {
      open.remove(client);
    }
  }

  /** Answers a TLS handshake as a plain-HTTP server does: with an HTTP error it cannot read. */
  private static void refuseTls(OutputStream out) throws IOException {
    out.write(
        "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"
            .getBytes(ISO_8859_1));
    out.flush();
  }

  private Optional<Answer> takeAnswer(RequestHead head) {
    return answers.stream()
        .filter(a -> a.request().matcher(head.request()).matches())
        .filter(a -> a.remaining().getAndUpdate(n -> n > 0 ? n - 1 : n) > 0)
        .findFirst();
  }

  private static void respond(OutputStream out, Answer answer) throws IOException {
    byte[] body = answer.body().getBytes(ISO_8859_1);
    String head =
        "HTTP/1.1 "
            + answer.status()
            + " Injected fault\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + (answer.status() == 401 ? "\r\nWWW-Authenticate: Basic realm=\"faulty\"" : "")
            + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private void forward(Socket client, InputStream in, RequestHead head) throws IOException {
    try (Socket registry = new Socket(upstream.getAddress(), upstream.getPort())) {
      open.add(registry);
      registry.getOutputStream().write(head.forwardedBytes());
      Optional<Cut> cut =
          UPLOAD.matcher(head.request()).matches() && !cutUploads.contains(head.path())
              ? cuts.stream().filter(c -> c.remaining().get() > 0).findFirst()
              : Optional.empty();
      threads.execute(() -> sendBody(in, client, registry, head, cut));
      InputStream answer = registry.getInputStream();
      byte[] statusLine = readStatusLine(answer);
      served.add(head.request() + " -> forwarded " + statusOf(statusLine));
      client.getOutputStream().write(statusLine);
      answer.transferTo(client.getOutputStream());
    } catch (SocketException e) {
      // Dropped on purpose by sendBody, or by one of the two ends.
    } finally {
      open.removeIf(Socket::isClosed);
    }
  }

  /** Copies the request body to the registry, dropping both connections where a cut says. */
  private void sendBody(
      InputStream in, Socket client, Socket registry, RequestHead head, Optional<Cut> cut) {
    byte[] buffer = new byte[8192];
    long limit = cut.map(Cut::afterBytes).orElse(Long.MAX_VALUE);
    long sent = 0;
    try {
      OutputStream out = registry.getOutputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        int part = (int) Math.min(n, limit - sent);
        out.write(buffer, 0, part);
        sent += part;
        if (sent == limit) {
          if (take(cut.get())) {
            cutUploads.add(head.path());
            out.flush();
            served.add(head.request() + " -> cut after " + sent + " bytes");
            reset(client);
            reset(registry);
            return;
          }
          limit = Long.MAX_VALUE; // another upload took the last cut
        }
        out.write(buffer, part, n - part);
        sent += n - part;
      }
    } catch (IOException e) {
      // One end closed: the exchange is over.
    }
  }

  private static boolean take(Cut cut) {
    return cut.remaining().getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
  }

  private static byte[] readStatusLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c = in.read(); c >= 0; c = in.read()) {
      line.write(c);
      if (c == '\n') {
        break;
      }
    }
    return line.toByteArray();
  }

  private static String statusOf(byte[] statusLine) {
    String[] parts = new String(statusLine, ISO_8859_1).split(" ");
    return parts.length > 1 ? parts[1] : "nothing";
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException e) {
      // Already closed.
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing is best effort.
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "faulty-registry");
    thread.setDaemon(true);
    return thread;
  }

  /** The request line and headers of one HTTP/1.1 request. */
  private record RequestHead(String method, String target, List<String> headers) {

    /** Reads a request head, or nothing when the client sent no HTTP (or nothing at all). */
    static Optional<RequestHead> read(InputStream in) throws IOException {
      in.mark(1);
      int first = in.read();
      if (first < 0 || first == TLS_HANDSHAKE) {
        return Optional.empty();
      }
      in.reset();
      List<String> lines = new ArrayList<>();
      int total = 0;
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        total += line.length();
        if (total > MAX_HEAD) {
          return Optional.empty();
        }
        lines.add(line);
      }
      String[] requestLine = lines.get(0).split(" ");
      return Optional.of(
          new RequestHead(requestLine[0], requestLine[1], lines.subList(1, lines.size())));
    }

    String request() {
      return method + " " + target;
    }

    String path() {
      int query = target.indexOf('?');
      return query < 0 ? target : target.substring(0, query);
    }

    /** The head as sent on, asking the registry to close the connection after answering. */
    byte[] forwardedBytes() {
      StringBuilder text = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
      headers.stream()
          .filter(h -> !h.regionMatches(true, 0, "Connection:", 0, 11))
          .forEach(h -> text.append(h).append("\r\n"));
      return text.append("Connection: close\r\n\r\n").toString().getBytes(ISO_8859_1);
    }

    /** Reads and discards the body, so that an error answer is not lost in a reset. */
    void skipBody(InputStream in) throws IOException {
      Optional<String> length = header("Content-Length");
      if (length.isPresent()) {
        in.skipNBytes(Long.parseLong(length.get().trim()));
      } else if (header("Transfer-Encoding").filter(v -> v.contains("chunked")).isPresent()) {
        for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
          in.skipNBytes(size + 2);
        }
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
          // Trailers, ignored.
        }
      }
    }

    private Optional<String> header(String name) {
      return headers.stream()
          .filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
          .map(h -> h.substring(name.length() + 1))
          .findFirst();
    }

    private static long chunkSize(InputStream in) throws IOException {
      String line = readLine(in);
      int extension = line.indexOf(';');
      return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private static String readLine(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed in a request head");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }
}
