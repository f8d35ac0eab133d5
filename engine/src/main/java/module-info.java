/** The Spikelane engine: LIF kernels, plugin SPI, scheduler, recorders. No run-time dependencies. */
module org.spikelane.engine {
    requires jdk.incubator.vector;

    exports org.spikelane;
    exports org.spikelane.spi;
    exports org.spikelane.state;
    exports org.spikelane.units;
    exports org.spikelane.neuron;
    exports org.spikelane.record;
    exports org.spikelane.simd;
    exports org.spikelane.net;
    exports org.spikelane.fixed;
    exports org.spikelane.format;
    exports org.spikelane.random;

    uses org.spikelane.spi.InputPlugin;
    uses org.spikelane.spi.SynapsePlugin;
}
