package dev.containerize.image;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** How one kind of app (plain Node.js, Next.js, ...) is laid out in an image. */
public interface AppLayout {

  /** The layers, least often changed first. */
  List<ImageLayer> layers();

  /** The start command, {@code node} first. */
  List<String> entrypoint();

  /** The run-time environment this kind of app needs. */
  Map<String, String> environment();

  /** The ports this kind of app listens on. */
  Set<Integer> ports();

  /** The folder the app lives in and runs in. */
  String workingDirectory();
}
