package org.spikelane.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Plugins looked up by short name (Lucene's named-SPI pattern). {@link #discover()} finds them with
 * {@link ServiceLoader} on the module path and the class path; two plugins of one kind with the
 * same name are an error naming both origins.
 */
public final class PluginRegistry {
    private final Map<String, InputPlugin> inputs = new TreeMap<>();
    private final Map<String, SynapsePlugin> synapses = new TreeMap<>();

    /** An empty registry; add plugins with {@link #register}. */
    public PluginRegistry() {}

    private static PluginRegistry discovered;

    /** Every plugin visible to this JVM (cached after the first call). */
    public static synchronized PluginRegistry discover() {
        if (discovered == null) {
            PluginRegistry r = new PluginRegistry();
            for (InputPlugin p : ServiceLoader.load(InputPlugin.class)) r.register(p);
            for (SynapsePlugin p : ServiceLoader.load(SynapsePlugin.class)) r.register(p);
            discovered = r;
        }
        return discovered;
    }

    /** Adds a plugin; an input and a synapse may share a name, two of one kind may not. */
    public PluginRegistry register(Plugin plugin) {
        Object existing = plugin instanceof InputPlugin ? inputs.get(plugin.name()) : synapses.get(plugin.name());
        if (existing != null && existing.getClass() != plugin.getClass()) {
            throw new IllegalStateException("two plugins are named '" + plugin.name() + "': " + origin(existing)
                    + " and " + origin(plugin) + "; remove one from the class or module path");
        }
        if (plugin instanceof InputPlugin in) inputs.put(plugin.name(), in);
        else if (plugin instanceof SynapsePlugin syn) synapses.put(plugin.name(), syn);
        else throw new IllegalArgumentException("plugin '" + plugin.name() + "' is neither an InputPlugin nor a SynapsePlugin");
        return this;
    }

    /** The input plugin of that name; the error lists the known ones. */
    public InputPlugin input(String name) {
        InputPlugin p = inputs.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown input plugin '" + name + "'" + Suggest.didYouMean(name, inputs.keySet())
                    + "; known: " + String.join(", ", inputs.keySet()));
        }
        return p;
    }

    /** The synapse plugin of that name; the error lists the known ones. */
    public SynapsePlugin synapse(String name) {
        SynapsePlugin p = synapses.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown synapse plugin '" + name + "'" + Suggest.didYouMean(name, synapses.keySet())
                    + "; known: " + (synapses.isEmpty() ? "none" : String.join(", ", synapses.keySet())));
        }
        return p;
    }

    public List<InputPlugin> inputs() { return List.copyOf(inputs.values()); }

    public List<SynapsePlugin> synapses() { return List.copyOf(synapses.values()); }

    /** Where a plugin came from: its module name, else its jar or class folder. */
    public static String origin(Object plugin) {
        Class<?> c = plugin.getClass();
        if (c.getModule().isNamed()) return "module " + c.getModule().getName();
        var source = c.getProtectionDomain().getCodeSource();
        return source == null ? c.getName() : source.getLocation().getPath();
    }

    /** All plugin names, for listings. */
    public List<String> names() {
        List<String> all = new ArrayList<>(inputs.keySet());
        all.addAll(synapses.keySet());
        Collections.sort(all);
        return all;
    }
}
