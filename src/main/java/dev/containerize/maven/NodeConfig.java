package dev.containerize.maven;

import java.util.Map;

/** The {@code <node>} block: how the Node.js project is installed and built. */
public class NodeConfig {
  /**
   * Skip the install and build and containerize the project as it is. Default false. Property
   * {@code container.node.skip}.
   */
  Boolean skip;

  /**
   * The {@code package.json} script that builds the app. Default: {@code build} when the project
   * has one, else none. Property {@code container.node.buildScript}.
   */
  String buildScript;

  /**
   * {@code npm}, {@code pnpm} or {@code yarn}. Default: from {@code packageManager} in {@code
   * package.json}, else from the lockfile. Property {@code container.node.packageManager}.
   */
  String packageManager;

  /** Variables given to the install and build only; they never reach the image. */
  Map<String, String> buildEnvironment;
}
