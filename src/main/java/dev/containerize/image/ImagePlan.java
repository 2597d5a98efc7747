package dev.containerize.image;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Everything that goes into an image, decided once and rendered either by Jib or as a Dockerfile.
 *
 * @param baseImage the image to build on
 * @param layers the layers, least often changed first
 * @param entrypoint the start command, exec form
 * @param arguments the arguments given after the entrypoint
 * @param environment the run-time environment variables
 * @param user the numeric user (and group) the app runs as
 * @param workingDirectory the folder the app runs in
 * @param ports the exposed TCP ports
 * @param labels the image labels
 * @param creationTime the creation time recorded in the image
 */
public record ImagePlan(
    String baseImage,
    List<ImageLayer> layers,
    List<String> entrypoint,
    List<String> arguments,
    SortedMap<String, String> environment,
    String user,
    String workingDirectory,
    SortedSet<Integer> ports,
    SortedMap<String, String> labels,
    Instant creationTime) {}
