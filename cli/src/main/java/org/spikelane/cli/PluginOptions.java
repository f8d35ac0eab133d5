package org.spikelane.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spikelane.cli.plugins.PluginLoader;
import org.spikelane.cli.plugins.PluginPath;
import picocli.CommandLine.Option;

/** {@code --plugins PATH}, shared by every command that builds or lists plugins. */
final class PluginOptions {
    @Option(names = "--plugins", paramLabel = "PATH",
            description = "a plugin jar, or a folder of jars, to load beside the built-in plugins; repeatable. "
                    + "Also read: " + PluginPath.ENV + " (entries separated by ':')")
    List<Path> paths = new ArrayList<>();

    /** The built-in plugins and those of --plugins and the environment variable. */
    PluginLoader.Loaded load() {
        return PluginLoader.load(PluginPath.jars(paths, System.getenv(PluginPath.ENV)));
    }

    /** Whether any plugin jar is named, by --plugins or the environment variable. */
    boolean given() {
        String env = System.getenv(PluginPath.ENV);
        return !paths.isEmpty() || (env != null && !env.isBlank());
    }
}
