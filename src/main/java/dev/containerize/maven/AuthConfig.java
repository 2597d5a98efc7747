package dev.containerize.maven;

/** A user name and password for a registry, as given in the POM. */
public class AuthConfig {
  /** The user name. */
  String username;

  /** The password or access token; never logged. */
  String password;
}
