package dev.containerize.jib;

/**
 * A username and password for a registry, and where they came from (never the secret itself).
 *
 * @param username the user name, or {@code <token>} for an identity token
 * @param password the password or token
 * @param source where the credential was found, for the log
 */
public record RegistryCredential(String username, String password, String source) {
  @Override
  public String toString() {
    return "credential for " + username + " from " + source;
  }
}
