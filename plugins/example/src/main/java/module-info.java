/**
 * A third-party input plugin for Spikelane: Ornstein-Uhlenbeck noise current ({@code ou_noise}).
 * It needs nothing from the engine but the plugin SPI; the {@code provides} clause makes it
 * visible on the module path, META-INF/services on the class path.
 */
module org.spikelane.example {
    requires org.spikelane.engine;

    provides org.spikelane.spi.InputPlugin with org.spikelane.example.OuNoisePlugin;
}
