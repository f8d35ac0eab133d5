package org.spikelane;

import java.util.List;
import java.util.Map;
import org.spikelane.fixed.LoihiSynapse;
import org.spikelane.fixed.Overflow;
import org.spikelane.fixed.OverflowCount;
import org.spikelane.fixed.Quantization;
import org.spikelane.net.Projection;
import org.spikelane.net.ProjectionSpec;
import org.spikelane.neuron.FixedLifKernel;
import org.spikelane.neuron.FixedLifState;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.neuron.LoihiLifModel;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.neuron.LoihiPhysicalMapping;
import org.spikelane.neuron.Population;
import org.spikelane.random.RandomStream;
import org.spikelane.simd.Simd;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;

/** How {@link Simulation} builds and checks LIF populations under each {@link Precision}. */
final class FixedPopulations {
    private FixedPopulations() {}

    static LifPopulation create(Network.LifSpec lif, Precision precision, double dt, long seed) {
        boolean vector = Simd.useVectorKernels();
        return switch (precision) {
            case FLOAT32 -> new LifPopulation(lif.name(), lif.size(), dt, lif.params(seed), null);
            case FIXED -> {
                // the 32-bit key of FixedMath.noise, the int-lane member of the counter scheme
                int roundingSeed = (int) RandomStream.root(seed).substream("rounding").substream(lif.name()).bits(0, 0);
                yield LifPopulation.withKernel(lif.name(), lif.size(), dt, lif.params(seed),
                        s -> new FixedLifKernel(new FixedLifState(lif.name(), s, precision.profile(), roundingSeed), vector));
            }
            case LOIHI -> {
                if (LoihiLifModel.isPhysical(lif.rawParams())) {
                    Params physical = lif.loihiParams(seed); // checked for what Loihi can represent
                    LoihiPhysicalMapping mapping = new LoihiPhysicalMapping(lif.name(), lif.size(), dt, physical);
                    yield LifPopulation.withKernel(lif.name(), lif.size(), dt, physical,
                            s -> new LoihiLifKernel(mapping.state(), vector, mapping));
                }
                LoihiLifState state = new LoihiLifState(lif.size(), lif.loihiParams(seed));
                // the float state only lends its (unused) accumulators; Loihi's parameters are the raw ones
                Params unused = Params.resolve("population '" + lif.name() + "'", LifModel.PARAMS, Map.of(), lif.size());
                yield LifPopulation.withKernel(lif.name(), lif.size(), dt, unused, s -> new LoihiLifKernel(state, vector));
            }
        };
    }

    static void checkInput(LifPopulation target, String owner) {
        if (target.kernel() instanceof LoihiLifKernel loihi && loihi.physical() == null) {
            throw new ParameterException(owner, "target", "population '" + target.name() + "' runs under precision loihi with raw "
                    + "hardware parameters, which take no input plugins; drive it with bias_mant/bias_exp or a projection "
                    + "(integer weights), or give it physical LIF parameters");
        }
    }

    /** Under loihi, the projection's synapse becomes the target's a_in ({@link LoihiSynapse}). */
    static ProjectionSpec projectionSpec(ProjectionSpec spec, Network.ConnectArgs args, Population source, LifPopulation target) {
        if (!(target.kernel() instanceof LoihiLifKernel loihi)) return spec;
        String plugin = spec.plugin().name();
        if (loihi.physical() != null) return physicalProjectionSpec(spec, args, source, target, loihi.physical());
        if (!plugin.equals("exp_current")) {
            throw new ParameterException(spec.owner(), "synapse", "'" + plugin + "' is not available under precision loihi "
                    + "(no conductances, no delta); use exp_current, whose decay is the target's du");
        }
        if (args.synapseParams() != null && !args.synapseParams().isEmpty()) {
            throw new ParameterException(spec.owner(), "synapse", "exp_current takes no parameters under precision loihi "
                    + "(its decay is the target's du), got " + args.synapseParams().keySet());
        }
        return new ProjectionSpec(spec.from(), source.size(), spec.to(), target.size(), new LoihiSynapse(loihi.loihiState()),
                null, args.weight(), args.delay(), args.connect());
    }

    /**
     * Into a population with physical parameters: exp_current (its tau_syn sets the target's du)
     * or delta (du = 4095), SI weights converted to a_in by {@link #checkProjection}.
     */
    private static ProjectionSpec physicalProjectionSpec(ProjectionSpec spec, Network.ConnectArgs args, Population source,
                                                         LifPopulation target, LoihiPhysicalMapping mapping) {
        String plugin = spec.plugin().name();
        if (!plugin.equals("exp_current") && !plugin.equals("delta")) {
            throw new ParameterException(spec.owner(), "synapse", "'" + plugin + "' is not available under precision loihi "
                    + "(no conductances, no second current); use exp_current (one tau_syn per target population) or delta");
        }
        Params params = Params.resolve(spec.owner() + " synapse '" + plugin + "'", spec.plugin().params(),
                args.synapseParams() == null ? Map.of() : args.synapseParams(), target.size());
        double tauSyn = plugin.equals("exp_current") ? params.get("tau_syn") : 0;
        double[] factor = mapping.bindSynapse(spec.owner(), plugin, tauSyn, spec.weightDimension());
        LoihiSynapse synapse = LoihiSynapse.physical(mapping.state(), plugin, spec.plugin().weightDimensions(), factor);
        return new ProjectionSpec(spec.from(), source.size(), spec.to(), target.size(), synapse, null, args.weight(),
                args.delay(), args.connect());
    }

    static void checkProjection(Projection projection, ProjectionSpec spec, Precision precision) {
        LifPopulation target = projection.target();
        if (target.kernel() instanceof LoihiLifKernel loihi && loihi.physical() != null) {
            var synapse = (LoihiSynapse) spec.plugin();
            ((LoihiSynapse.Kernel) projection.kernel()).useIntegerWeights(
                    loihi.physical().integerWeights(spec.owner(), projection.table(), synapse.factor()));
        } else if (target.kernel() instanceof LoihiLifKernel) {
            for (float w : projection.table().weights()) {
                if (w != Math.rint(w)) {
                    throw new ParameterException(spec.owner(), "weight", "must be an integer under precision loihi "
                            + "(added to a_in), got " + w);
                }
            }
        }
    }

    static List<Quantization> quantization(Population p) {
        if (p instanceof LifPopulation lif && lif.kernel() instanceof FixedLifKernel fixed) {
            return fixed.fixedState().quantization(lif.state());
        }
        if (p instanceof LifPopulation lif && lif.kernel() instanceof LoihiLifKernel loihi && loihi.physical() != null) {
            return loihi.physical().report();
        }
        return List.of();
    }

    static List<OverflowCount> overflows(Population p) {
        if (p instanceof LifPopulation lif) {
            if (lif.kernel() instanceof FixedLifKernel fixed) return fixed.fixedState().overflowCounts();
            if (lif.kernel() instanceof LoihiLifKernel loihi) {
                long[] n = loihi.loihiState().overflows;
                List<OverflowCount> counts = List.of(new OverflowCount(p.name(), "u", Overflow.WRAP, n[LoihiLifState.U_WRAPS]),
                        new OverflowCount(p.name(), "v", Overflow.SATURATE, n[LoihiLifState.V_SATURATIONS]));
                if (loihi.physical() == null) return counts;
                // input currents beyond the largest bias, 4095 << 7
                return java.util.stream.Stream.concat(counts.stream(), java.util.stream.Stream.of(new OverflowCount(p.name(), "I",
                        Overflow.SATURATE, n[LoihiLifState.INPUT_SATURATIONS]))).toList();
            }
        }
        return List.of();
    }
}
