package dev.containerize.jib;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryAuthenticationFailedException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import dev.containerize.EnvironmentException;
import dev.containerize.ProjectException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Turns what Jib reports about a failed registry exchange into a message that says the fix. */
final class RegistryFailures {
  private RegistryFailures() {}

  /**
   * The exception to report for {@code failure} while pulling {@code base} or pushing {@code to}.
   */
  static RuntimeException explain(Throwable failure, ImageReference base, ImageReference to) {
    Throwable root = rootCause(failure);
    String detail = oneLine(failure.getMessage());
    if (failure instanceof RegistryUnauthorizedException unauthorized) {
      return unauthorized(unauthorized, base, to);
    }
    if (failure instanceof RegistryAuthenticationFailedException) {
      return new ProjectException(
          "Authentication with "
              + registryOf(failure, base, to)
              + " failed: "
              + detail
              + ". Check the user name and password configured for it.");
    }
    if (failure instanceof InsecureRegistryException || root instanceof SSLException) {
      return new ProjectException(
          "The registry "
              + registryOf(failure, base, to)
              + " is not served over HTTPS with a certificate this JVM trusts ("
              + oneLine(root.getMessage())
              + "). Give it a trusted certificate, or, for a registry you control, set"
              + " <allowInsecureRegistries>true</allowInsecureRegistries>"
              + " (-Dcontainer.allowInsecureRegistries=true).");
    }
    if (root instanceof UnknownHostException
        || root instanceof ConnectException
        || root instanceof NoRouteToHostException
        || root instanceof SocketTimeoutException) {
      return new EnvironmentException(
          "Cannot reach the registry ("
              + root.getClass().getSimpleName()
              + ": "
              + oneLine(root.getMessage())
              + ") while building "
              + to
              + " on "
              + base
              + ". Check the registry address, the network and any proxy settings.",
          failure);
    }
    if (detail.contains("MANIFEST_UNKNOWN")
        || detail.contains("manifest unknown")
        || detail.contains("NAME_UNKNOWN")) {
      return new ProjectException(
          "The base image "
              + base
              + " does not exist in its registry ("
              + detail
              + "). Check <from><image> (-Dcontainer.from.image).",
          failure);
    }
    return new EnvironmentException(
        "The registry exchange for " + to + " failed: " + detail, failure);
  }

  private static ProjectException unauthorized(
      RegistryUnauthorizedException e, ImageReference base, ImageReference to) {
    String image = e.getImageReference();
    boolean pushing = image.startsWith(to.getRegistry() + "/" + to.getRepository());
    String registry = pushing ? to.getRegistry() : base.getRegistry();
    String role = pushing ? "<to><auth>" : "<from><auth>";
    return new ProjectException(
        "The registry "
            + registry
            + " refused "
            + (pushing ? "the push to " : "the pull of ")
            + image
            + " (unauthorized or forbidden). Configure credentials for "
            + registry
            + ": a <server> with <id>"
            + registry
            + "</id> in Maven's settings.xml, "
            + role
            + " with <username> and <password>, a <credHelper>, or `docker login "
            + registry
            + "`.");
  }

  private static String registryOf(Throwable failure, ImageReference base, ImageReference to) {
    String text = String.valueOf(failure.getMessage());
    return text.contains(base.getRegistry()) && !text.contains(to.getRegistry())
        ? base.getRegistry()
        : to.getRegistry();
  }

  /** The message on one line, so that Maven's error line holds all of it. */
  static String oneLine(String message) {
    return String.valueOf(message).replaceAll("\\s+", " ").trim();
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
