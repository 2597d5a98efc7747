package dev.containerize.jib;

import dev.containerize.jib.RegistryFailures.ImageUse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Checks, before Jib talks to a registry, that its host name is known, that it accepts connections
 * and, unless insecure registries are allowed, that it speaks HTTPS with a certificate this JVM
 * trusts.
 *
 * <p>Unless insecure registries are allowed, Jib sends a request that failed to connect ten times
 * more, over about a minute, before it reports an unknown host, a refused connection or an
 * untrusted certificate, none of which a retry cures. The probe reports them at once. What it
 * cannot decide (a timeout, a registry reached through a proxy) it leaves to Jib.
 */
final class RegistryProbe {
  private static final int TIMEOUT_MILLIS = 5_000;
  private static final int HTTPS_PORT = 443;

  private RegistryProbe() {}

  /** Checks the registry of {@code use}; throws the error to report when it cannot work. */
  static void check(ImageUse use, boolean allowInsecure) {
    URI registry = URI.create("https://" + use.registry() + "/v2/");
    if (throughProxy(registry)) {
      return;
    }
    boolean portGiven = registry.getPort() >= 0;
    InetSocketAddress address =
        new InetSocketAddress(registry.getHost(), portGiven ? registry.getPort() : HTTPS_PORT);
    if (address.isUnresolved()) {
      throw RegistryFailures.unknownHost(use);
    }
    try (Socket socket = new Socket()) {
      socket.connect(address, TIMEOUT_MILLIS);
      if (!allowInsecure) {
        handshake(socket, registry);
      }
    } catch (ConnectException e) {
      // Without a port, an insecure registry may still answer plain HTTP on port 80.
      if (portGiven || !allowInsecure) {
        throw RegistryFailures.refused(use, e);
      }
    } catch (SSLException e) {
      throw RegistryFailures.notHttps(use, e);
    } catch (IOException e) {
      // A timeout or the like: Jib tries for itself and reports what it finds.
    }
  }

  private static boolean throughProxy(URI registry) {
    ProxySelector selector = ProxySelector.getDefault();
    List<Proxy> proxies = selector == null ? List.of() : selector.select(registry);
    return !proxies.isEmpty() && proxies.get(0).type() != Proxy.Type.DIRECT;
  }

  /** Shakes hands over {@code socket} as Jib would: default trust store, host name checked. */
  private static void handshake(Socket socket, URI registry) throws IOException {
    SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
    try (SSLSocket tls =
        (SSLSocket) factory.createSocket(socket, registry.getHost(), socket.getPort(), true)) {
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      tls.setSSLParameters(parameters);
      tls.setSoTimeout(TIMEOUT_MILLIS);
      tls.startHandshake();
    }
  }
}
