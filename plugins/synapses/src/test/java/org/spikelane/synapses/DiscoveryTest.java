package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.PluginRegistry;
import org.spikelane.spi.SynapsePlugin;

/** The five synapse plugins are found by name on the class path (META-INF/services) and the module path (module-info). */
class DiscoveryTest {
    private static final List<String> NAMES = List.of("alpha_current", "biexp_conductance", "delta", "exp_conductance", "exp_current");

    @Test
    void classPathFindsEveryPluginWithDocumentedParameters() {
        for (String name : NAMES) {
            SynapsePlugin p = PluginRegistry.discover().synapse(name);
            assertEquals(name, p.name());
            assertFalse(p.description().isBlank() || p.description().contains("\n"), name);
            assertFalse(p.weightDimensions().isEmpty(), name);
            for (ParamSpec s : p.params()) assertFalse(s.doc().isBlank(), name + "." + s.name());
        }
    }

    /** A fresh module layer holding only the engine and this module: only {@code provides} can make them visible. */
    @Test
    void modulePathFindsEveryPluginThroughModuleInfo() throws Exception {
        Path engine = Path.of(SynapsePlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path synapses = Path.of(DeltaSynapse.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Configuration cf = ModuleLayer.boot().configuration()
                .resolveAndBind(ModuleFinder.of(engine, synapses), ModuleFinder.of(), Set.of("org.spikelane.synapses"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        Class<?> spi = layer.findLoader("org.spikelane.engine").loadClass(SynapsePlugin.class.getName());
        Set<String> found = new TreeSet<>();
        for (Object plugin : ServiceLoader.load(layer, spi)) {
            assertEquals("org.spikelane.synapses", plugin.getClass().getModule().getName());
            found.add((String) spi.getMethod("name").invoke(plugin));
        }
        assertEquals(new TreeSet<>(NAMES), found);
    }
}
