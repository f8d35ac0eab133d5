/** Spikelane's standard input currents: bias, step, sine, ramp, event-triggered pulses, Poisson events and Gaussian noise. */
module org.spikelane.inputs {
    requires org.spikelane.engine;
    requires jdk.incubator.vector;

    provides org.spikelane.spi.InputPlugin with
            org.spikelane.inputs.BiasInput,
            org.spikelane.inputs.StepInput,
            org.spikelane.inputs.SineInput,
            org.spikelane.inputs.RampInput,
            org.spikelane.inputs.PulseInput,
            org.spikelane.inputs.PoissonInput,
            org.spikelane.inputs.GaussianNoiseInput;
}
