package dev.containerize.jib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.HttpResponseException;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryAuthenticationFailedException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import dev.containerize.EnvironmentException;
import dev.containerize.ProjectException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLException;

/** Turns what Jib reports about a failed registry exchange into a message that says the fix. */
final class RegistryFailures {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INSECURE_SWITCH =
      "<allowInsecureRegistries>true</allowInsecureRegistries>"
          + " (-Dcontainer.allowInsecureRegistries=true)";

  private RegistryFailures() {}

  /** An image the build pulls or pushes, with the parameter that names it. */
  record ImageUse(ImageReference image, String parameter) {
    String registry() {
      return image.getRegistry();
    }

    /** The registry, with where it comes from: the image and the parameter that names it. */
    String describe() {
      return registry() + ", the registry of " + image + " in " + parameter;
    }
  }

  /**
   * A whole exchange with the registries: pulling {@code base}, pushing (or writing) {@code to},
   * after {@code retries} retries, with the last failed request Jib reported ({@code jibReport},
   * which names the image for failures that do not).
   */
  record Exchange(ImageReference base, ImageReference to, int retries, String jibReport) {
    /** The registry that {@code failure} came from, as far as its message and Jib's report say. */
    String registryOf(Throwable failure) {
      String text = failure.getMessage() + " " + jibReport;
      return text.contains(base.getRegistry()) && !text.contains(to.getRegistry())
          ? base.getRegistry()
          : to.getRegistry();
    }
  }

  /** The exception to report for {@code failure} in {@code exchange}, with it as its cause. */
  static RuntimeException explain(Throwable failure, Exchange exchange) {
    RuntimeException error = errorFor(failure, exchange);
    error.initCause(failure);
    return error;
  }

  /** The error for {@code failure}, created without a cause so that {@link #explain} sets it. */
  private static RuntimeException errorFor(Throwable failure, Exchange exchange) {
    String registry = exchange.registryOf(failure);
    if (RegistryRetry.isTransient(failure)) {
      return keptFailing(failure, registry, exchange);
    }
    if (failure instanceof RegistryUnauthorizedException unauthorized) {
      return unauthorized(unauthorized, exchange.base(), exchange.to());
    }
    if (failure instanceof RegistryAuthenticationFailedException) {
      return new ProjectException(
          "Authentication with "
              + registry
              + " failed: "
              + oneLine(failure.getMessage())
              + ". Check the user name and password configured for it.");
    }
    if (String.valueOf(failure.getMessage())
        .contains("not sent because the connection was over HTTP")) {
      return credentialsNotSent(registry);
    }
    Throwable root = rootCause(failure);
    if (failure instanceof InsecureRegistryException || root instanceof SSLException) {
      return new ProjectException(notHttps("The registry " + registry, root));
    }
    if (root instanceof UnknownHostException
        || root instanceof ConnectException
        || root instanceof NoRouteToHostException
        || root instanceof SocketTimeoutException) {
      return cannotReach(registry, root, exchange);
    }
    return unknownImage(failure, exchange.base(), exchange.to())
        .orElseGet(
            () ->
                new EnvironmentException(
                    "The registry exchange for "
                        + exchange.to()
                        + " failed: "
                        + oneLine(failure.getMessage())
                        + ". Run Maven with -X to see each request."));
  }

  /** The registry of {@code use} has a host name that does not resolve. */
  static EnvironmentException unknownHost(ImageUse use) {
    return new EnvironmentException(
        "Cannot reach "
            + use.describe()
            + ": no host is known by that name. Check the name, DNS and the network; a registry"
            + " behind a proxy needs -Dhttps.proxyHost and -Dhttps.proxyPort.");
  }

  /** Nothing accepts connections where the registry of {@code use} should listen. */
  static EnvironmentException refused(ImageUse use, IOException cause) {
    String message =
        "Cannot reach "
            + use.describe()
            + ": nothing accepts connections there ("
            + oneLine(cause.getMessage())
            + "). Check that the registry is running and that the image names its host and port.";
    return new EnvironmentException(message, cause);
  }

  /** The registry of {@code use} does not serve HTTPS with a certificate this JVM trusts. */
  static ProjectException notHttps(ImageUse use, SSLException cause) {
    return new ProjectException(notHttps(use.describe() + ",", cause), cause);
  }

  private static String notHttps(String subject, Throwable cause) {
    String detail = oneLine(cause.getMessage());
    boolean plainHttp = detail.contains("plaintext") || detail.contains("unrecognized SSL");
    return subject
        + (plainHttp
            ? " answers in plain HTTP, not HTTPS ("
            : " is not served over HTTPS with a certificate this JVM trusts (")
        + detail
        + (plainHttp
            ? "). Serve it over HTTPS, or"
            : "). Give it a certificate from a trusted authority, add its authority to the"
                + " JVM's trust store (-Djavax.net.ssl.trustStore), or")
        + ", for a registry you control, set "
        + INSECURE_SWITCH
        + ".";
  }

  private static ProjectException credentialsNotSent(String registry) {
    return new ProjectException(
        "The registry "
            + registry
            + " asks for credentials over plain HTTP, where Jib does not send them. Serve it over"
            + " HTTPS (with <allowInsecureRegistries>true</allowInsecureRegistries> for a"
            + " self-signed certificate), or, on a network you trust, let credentials go over"
            + " HTTP with -Djib.sendCredentialsOverHttp=true.");
  }

  private static EnvironmentException keptFailing(
      Throwable failure, String registry, Exchange exchange) {
    return new EnvironmentException(
        "The registry "
            + registry
            + " kept failing while building "
            + exchange.to()
            + ": "
            + RegistryRetry.describe(failure)
            + (exchange.retries() == 0 ? "" : ", still after " + exchange.retries() + " retries")
            + ". It may be down or overloaded, or a proxy may be cutting connections: check it"
            + " and run the build again; what it already holds is not sent again.");
  }

  private static EnvironmentException cannotReach(
      String registry, Throwable root, Exchange exchange) {
    return new EnvironmentException(
        "Cannot reach the registry "
            + registry
            + " ("
            + root.getClass().getSimpleName()
            + ": "
            + oneLine(root.getMessage())
            + ") while building "
            + exchange.to()
            + " on "
            + exchange.base()
            + ". Check the registry address, the network and any proxy settings.");
  }

  private static ProjectException unauthorized(
      RegistryUnauthorizedException e, ImageReference base, ImageReference to) {
    String image = e.getImageReference();
    boolean pushing = image.startsWith(to.getRegistry() + "/" + to.getRepository());
    String registry = pushing ? to.getRegistry() : base.getRegistry();
    HttpResponseException response = e.getHttpResponseException();
    boolean forbidden = response != null && response.getStatusCode() == 403;
    return new ProjectException(
        "The registry "
            + registry
            + " refused "
            + (pushing ? "the push to " : "the pull of ")
            + image
            + (forbidden ? forbidden(response, pushing) : " (unauthorized).")
            + " Configure credentials for "
            + registry
            + ": a <server> with <id>"
            + registry
            + "</id> in Maven's settings.xml, "
            + (pushing ? "<to><auth>" : "<from><auth>")
            + " with <username> and <password>, a <credHelper>, or `docker login "
            + registry
            + "`.");
  }

  private static String forbidden(HttpResponseException response, boolean pushing) {
    return " (403 Forbidden"
        + registryErrors(response).map(errors -> ": " + errors).orElse("")
        + "): the credentials it was given, if any, may not "
        + (pushing ? "push to" : "pull from")
        + " that repository. Check that the repository exists and what the account may do, or"
        + " use another account.";
  }

  private static Optional<RuntimeException> unknownImage(
      Throwable failure, ImageReference base, ImageReference to) {
    String detail = oneLine(failure.getMessage());
    String errors =
        RegistryRetry.responseIn(failure).flatMap(RegistryFailures::registryErrors).orElse(detail);
    if (!errors.contains("MANIFEST_UNKNOWN") && !errors.contains("NAME_UNKNOWN")) {
      return Optional.empty();
    }
    if (!mentions(detail, base) && mentions(detail, to)) {
      return Optional.of(
          new ProjectException(
              "The registry "
                  + to.getRegistry()
                  + " has no repository "
                  + to.getRepository()
                  + " to push to ("
                  + detail
                  + "). Create the repository first (some registries do not create one on the"
                  + " first push), or check "
                  + JibImageWriter.TO_IMAGE
                  + "."));
    }
    return Optional.of(
        new ProjectException(
            "The base image "
                + base
                + " does not exist in its registry ("
                + detail
                + "): the registry "
                + base.getRegistry()
                + " has no such repository or tag. Check "
                + JibImageWriter.FROM_IMAGE
                + "."));
  }

  /** The codes and messages of a registry's error answer, as the distribution spec words them. */
  static Optional<String> registryErrors(HttpResponseException response) {
    try {
      JsonNode errors = JSON.readTree(String.valueOf(response.getContent())).path("errors");
      String text =
          StreamSupport.stream(errors.spliterator(), false)
              .map(e -> e.path("code").asText() + " " + e.path("message").asText())
              .collect(Collectors.joining("; "));
      return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    } catch (IOException e) {
      return Optional.empty(); // not the JSON of the spec: the status says enough
    }
  }

  private static boolean mentions(String text, ImageReference image) {
    return text.contains(image.getRegistry() + "/" + image.getRepository());
  }

  /** The message on one line, so that Maven's error line holds all of it. */
  static String oneLine(String message) {
    return String.valueOf(message).replaceAll("\\s+", " ").trim();
  }

  /** The innermost cause of {@code failure}. */
  static Throwable rootCause(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
