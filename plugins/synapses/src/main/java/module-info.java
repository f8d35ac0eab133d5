/** Spikelane's standard synapse models: delta, exponential and alpha currents, exponential and GABA_A conductances. */
module org.spikelane.synapses {
    requires org.spikelane.engine;
    requires jdk.incubator.vector;

    provides org.spikelane.spi.SynapsePlugin with
            org.spikelane.synapses.DeltaSynapse,
            org.spikelane.synapses.ExpCurrentSynapse,
            org.spikelane.synapses.AlphaCurrentSynapse,
            org.spikelane.synapses.ExpConductanceSynapse,
            org.spikelane.synapses.BiexpConductanceSynapse;
}
