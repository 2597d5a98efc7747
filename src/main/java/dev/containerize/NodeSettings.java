package dev.containerize;

import java.util.Map;

/**
 * What the user configured about the Node.js build.
 *
 * @param skip whether to skip the install and build and use the project as it is
 * @param buildScript the script to run, or null for {@code build} when the project has one
 * @param packageManager npm, pnpm or yarn, or null to detect it
 * @param buildEnvironment variables given to the install and build, never put in the image
 */
public record NodeSettings(
    boolean skip,
    String buildScript,
    String packageManager,
    Map<String, String> buildEnvironment) {}
