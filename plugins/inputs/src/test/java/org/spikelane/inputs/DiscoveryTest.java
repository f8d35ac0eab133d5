package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.PluginRegistry;

class DiscoveryTest {
    private static final List<String> NAMES = List.of("bias", "gaussian_noise", "poisson", "pulse", "ramp", "sine", "step");

    @Test
    void classPathDiscoveryFindsAllSevenByName() {
        PluginRegistry registry = PluginRegistry.discover();
        for (String name : NAMES) {
            InputPlugin p = registry.input(name);
            assertEquals(name, p.name());
            assertEquals("org.spikelane.inputs", p.getClass().getPackageName());
        }
    }

    @Test
    void everyPluginDescribesItselfAndItsParameters() {
        for (String name : NAMES) {
            InputPlugin p = PluginRegistry.discover().input(name);
            assertFalse(p.description().isBlank(), name);
            assertFalse(p.description().contains("\n"), name);
            for (ParamSpec s : p.params()) assertFalse(s.doc().isBlank(), name + "." + s.name());
        }
    }

    /**
     * The module-path route: the engine and this module are loaded as named modules in a fresh
     * layer, so only {@code provides ... with} in module-info can make ServiceLoader find them.
     */
    @Test
    void modulePathDiscoveryFindsAllSevenThroughModuleInfo() throws Exception {
        Path engine = Path.of(InputPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path inputs = Path.of(PulseInput.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleFinder finder = ModuleFinder.of(engine, inputs);
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of("org.spikelane.inputs"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        assertTrue(layer.findModule("org.spikelane.inputs").isPresent());
        Class<?> spi = layer.findLoader("org.spikelane.engine").loadClass("org.spikelane.spi.InputPlugin");
        Set<String> found = new TreeSet<>();
        for (Object plugin : ServiceLoader.load(layer, spi)) {
            found.add((String) spi.getMethod("name").invoke(plugin));
            assertEquals("org.spikelane.inputs", plugin.getClass().getModule().getName());
        }
        assertEquals(new TreeSet<>(NAMES), found);
    }
}
