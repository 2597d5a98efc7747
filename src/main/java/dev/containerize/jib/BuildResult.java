package dev.containerize.jib;

import java.util.List;

/**
 * What a build produced, as written to {@code target/container-image.json}.
 *
 * @param image the image reference it was built as
 * @param imageDigest the manifest digest
 * @param imageId the config digest
 * @param tags the tags the image got
 */
public record BuildResult(String image, String imageDigest, String imageId, List<String> tags) {}
