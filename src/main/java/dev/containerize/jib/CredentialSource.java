package dev.containerize.jib;

import java.util.Optional;

/** A place credentials for a registry may be found. */
@FunctionalInterface
public interface CredentialSource {
  /** The credential for {@code registry} ({@code host} or {@code host:port}), if this has one. */
  Optional<RegistryCredential> find(String registry);
}
