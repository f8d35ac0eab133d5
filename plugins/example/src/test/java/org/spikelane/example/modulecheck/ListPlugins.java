package org.spikelane.example.modulecheck;

import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.PluginRegistry;

/**
 * Prints every input plugin the engine discovers, one per line as {@code name<TAB>origin}.
 * {@code ModulePathDiscoveryTest} runs it in a separate JVM with the engine and this plugin on
 * the module path and this class on the class path. It lives in its own package because the
 * plugin's package belongs to the named module there, which hides class-path classes of that
 * package.
 */
public final class ListPlugins {
    private ListPlugins() {}

    public static void main(String[] args) {
        for (InputPlugin p : PluginRegistry.discover().inputs()) {
            System.out.println(p.name() + "\t" + PluginRegistry.origin(p));
        }
    }
}
