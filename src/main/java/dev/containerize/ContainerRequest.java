package dev.containerize;

import dev.containerize.image.ContainerSettings;
import dev.containerize.jib.ImageTarget;
import dev.containerize.jib.JibImageWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * One immutable request to containerize a project, built by the Maven edge.
 *
 * @param projectDirectory the folder holding {@code package.json}
 * @param buildDirectory the folder for build state and outputs ({@code target})
 * @param node the Node.js build settings
 * @param container the image settings
 * @param target where the image goes
 * @param registries registry and cache options
 * @param buildLabels labels derived from the build (the POM), filled in where {@code package.json}
 *     says nothing
 * @param toolVersion the plugin version, recorded by Jib
 */
public record ContainerRequest(
    Path projectDirectory,
    Path buildDirectory,
    NodeSettings node,
    ContainerSettings container,
    ImageTarget target,
    JibImageWriter.Options registries,
    Map<String, String> buildLabels,
    String toolVersion) {}
