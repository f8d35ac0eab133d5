package org.spikelane.cli.plugins;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.Plugin;
import org.spikelane.spi.PluginRegistry;
import org.spikelane.spi.SynapsePlugin;

/**
 * Finds the plugins of a {@link PluginPath} with {@link ServiceLoader} in a class loader of their
 * own, whose parent is the one that loaded the engine: a plugin sees the engine's SPI classes (one
 * copy, so its objects are the engine's {@code InputPlugin}s), the built-in plugins stay where they
 * are, and nothing of the plugin jars reaches the rest of the CLI.
 *
 * <p>Why a class loader and not a module layer: the CLI runs the engine on the class path, as its
 * unnamed module, so a plugin module that {@code requires org.spikelane.engine} could not be
 * resolved in a layer. Plugin jars are therefore read on the class path, through their
 * {@code META-INF/services} files; a modular jar ships both registrations (docs/plugins.md, section 5).
 */
public final class PluginLoader {
    private PluginLoader() {}

    /** The plugins found: built-in ones and those of the jars, with where each came from. */
    public record Loaded(PluginRegistry registry, List<PluginPath.Jar> jars) {
        /** The origin of a plugin: its jar or module, and for a plugin-path jar the option that named it. */
        public String origin(Plugin plugin) {
            Path from = jarOf(plugin);
            for (PluginPath.Jar jar : jars) {
                if (jar.path().equals(from)) return jar.path() + " (" + jar.cameFrom() + ")";
            }
            return PluginRegistry.origin(plugin);
        }
    }

    /** The built-in plugins alone when {@code jars} is empty; else those and the jars' plugins. */
    public static Loaded load(List<PluginPath.Jar> jars) {
        if (jars.isEmpty()) return new Loaded(PluginRegistry.discover(), jars);
        URL[] urls = jars.stream().map(PluginPath.Jar::url).toArray(URL[]::new);
        // never closed: the plugins' classes are used until the command ends
        ClassLoader loader = new URLClassLoader("spikelane-plugins", urls, PluginRegistry.class.getClassLoader());
        PluginRegistry registry = new PluginRegistry();
        try {
            for (InputPlugin p : ServiceLoader.load(InputPlugin.class, loader)) registry.register(p);
            for (SynapsePlugin p : ServiceLoader.load(SynapsePlugin.class, loader)) registry.register(p);
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("a plugin jar lists a plugin that cannot be loaded: " + e.getMessage(), e);
        }
        Loaded loaded = new Loaded(registry, jars);
        requireEveryEntryUsed(loaded);
        return loaded;
    }

    /**
     * An option or entry none of whose jars provides a plugin was almost surely a mistake (or its jar
     * lacks the services file). A folder may hold a plugin's libraries beside it, so only whole
     * entries are checked.
     */
    private static void requireEveryEntryUsed(Loaded loaded) {
        Set<Path> used = new HashSet<>();
        for (Plugin p : loaded.registry().inputs()) used.add(jarOf(p));
        for (Plugin p : loaded.registry().synapses()) used.add(jarOf(p));
        Set<String> entries = new LinkedHashSet<>();
        for (PluginPath.Jar jar : loaded.jars()) entries.add(jar.namedBy());
        for (PluginPath.Jar jar : loaded.jars()) if (used.contains(jar.path())) entries.remove(jar.namedBy());
        if (!entries.isEmpty()) {
            throw new IllegalArgumentException(entries.iterator().next() + ": provides no plugin (a plugin jar lists its classes in "
                    + "META-INF/services/org.spikelane.spi.InputPlugin or ...SynapsePlugin)");
        }
    }

    /** The jar or class folder a plugin's class was loaded from; null when the JVM does not say. */
    private static Path jarOf(Plugin plugin) {
        var source = plugin.getClass().getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) return null;
        try {
            return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
