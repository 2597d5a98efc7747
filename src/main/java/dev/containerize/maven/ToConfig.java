package dev.containerize.maven;

import java.util.List;

/** The {@code <to>} block: the image to build and how to push it. */
public class ToConfig {
  /**
   * The image reference to build, such as {@code registry.example.com/team/app:1.0}. Required by
   * {@code build}; the others default to {@code artifactId:version}. Property {@code
   * container.to.image}, or {@code image} for short.
   */
  String image;

  /** More tags for the same image. Property {@code container.to.tags} (comma-separated). */
  List<String> tags;

  /** Credentials for the target registry. Properties {@code container.to.auth.*}. */
  AuthConfig auth;

  /**
   * A Docker credential helper for the target registry. Property {@code container.to.credHelper}.
   */
  String credHelper;
}
