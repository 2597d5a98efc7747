package dev.containerize.maven;

import dev.containerize.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** Sends the core's reports to Maven's log. */
final class MavenBuildLog implements BuildLog {
  private final Log log;

  MavenBuildLog(Log log) {
    this.log = log;
  }

  @Override
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }

  @Override
  public void debug(String message) {
    log.debug(message);
  }

  @Override
  public boolean interactive() {
    return System.console() != null;
  }
}
