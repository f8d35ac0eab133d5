package org.spikelane.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each loop of the vector kernel's current path (the two specialised ones of
 * {@link VectorCurrentLoops} and the general loop of {@link VectorLifKernel}) against the scalar
 * reference, to the bit: spikes, {@code v}, refractory counters, fused current states, cleared
 * accumulators; 3000 steps with spikes at sizes that are not multiples of the lane count. The
 * shape of each population is checked to take the loop the case names, so a change of the
 * dispatch cannot leave a loop untested. The pom runs this again at 128 and 512 bits.
 */
class VectorCurrentLoopsTest {

    @ParameterizedTest(name = "{0} n={1} inclusive={2}")
    @CsvSource({
        // shared membrane, constant input and propagators: 0, 1 and 2 fused currents
        "uniform-0,1,false", "uniform-0,17,true", "uniform-0,1000,false", "uniform-0,4099,false",
        "uniform-1,1,false", "uniform-1,17,false", "uniform-1,1000,true", "uniform-1,4099,false",
        "uniform-2,1,true", "uniform-2,17,false", "uniform-2,1000,false", "uniform-2,4099,true",
        // per-neuron membrane, no fused current, one constant input for all
        "per-neuron,1,false", "per-neuron,17,false", "per-neuron,1000,true", "per-neuron,4099,false",
        // the general loop: a constant input per neuron; three fused currents
        "general-constant,17,false", "general-constant,1000,false", "general-constant,4099,true",
        "general-3,17,false", "general-3,1000,true", "general-3,4099,false",
        // CUBA's shape plus a fused conductance or alpha currents: neither special loop advances those
        "general-conductance,17,false", "general-conductance,1000,true", "general-alpha,17,true", "general-alpha,1000,false"})
    void everyLoopAgreesWithTheScalarReferenceToTheBit(String shape, int n, boolean inclusive) {
        LifState vec = build(shape, n, inclusive), ref = build(shape, n, inclusive);
        String loop = VectorCurrentLoops.uniform(vec) ? "uniform" : VectorCurrentLoops.perNeuron(vec) ? "per-neuron" : "general";
        assertEquals(shape.replaceAll("-(\\d|constant|conductance|alpha)$", ""), loop, "the loop this shape takes");
        LifKernel<LifState> vector = new VectorLifKernel(), scalar = new ScalarLifKernel();
        int[] spikesVec = new int[n], spikesRef = new int[n];
        SplittableRandom inputsVec = new SplittableRandom(5), inputsRef = new SplittableRandom(5);
        long spikes = 0, held = 0;
        for (int step = 0; step < 3000; step++) {
            drive(vec, inputsVec);
            drive(ref, inputsRef);
            int count = vector.step(vec, step, 0, vec.padded, spikesVec, 0);
            assertEquals(scalar.step(ref, step, 0, ref.padded, spikesRef, 0), count, "spike count at step " + step);
            for (int k = 0; k < count; k++) assertEquals(spikesRef[k], spikesVec[k], "spike at step " + step);
            for (int i = 0; i < n; i++) {
                int at = i, when = step;
                assertEquals(Float.floatToIntBits(ref.v[i]), Float.floatToIntBits(vec.v[i]), () -> "v[" + at + "] at step " + when);
                assertEquals(ref.refractoryLeft[i], vec.refractoryLeft[i], () -> "refractory counter " + at + " at step " + when);
                assertEquals(0f, vec.current[i], "current cleared");
                assertEquals(0f, vec.dv[i], "dv cleared");
                for (int c = 0; c < vec.fused.count(); c++) {
                    assertEquals(Float.floatToIntBits(ref.fused.state[c][i]), Float.floatToIntBits(vec.fused.state[c][i]),
                            "fused current " + c + " of neuron " + i + " at step " + step);
                }
                if (vec.refractoryLeft[i] > 0) held++;
            }
            spikes += count;
        }
        // the comparison means something only if neurons fired, were held, and the inputs arrived
        assertTrue(spikes > n && held > n, "only " + spikes + " spikes and " + held + " refractory neuron-steps");
    }

    private static LifState build(String shape, int n, boolean inclusive) {
        LifState s = shape.startsWith("uniform") || shape.equals("general-3") || shape.equals("general-conductance")
                || shape.equals("general-alpha") ? LifStates.shared(n, 7 + n, inclusive)
                : LifStates.random(n, 7 + n, inclusive);
        int channels = shape.equals("general-3") ? 3 : shape.startsWith("uniform-") ? shape.charAt(shape.length() - 1) - '0'
                : shape.equals("general-conductance") || shape.equals("general-alpha") ? 2 : 0;
        // per-neuron loads read what a shared parameter holds too; a population of one shares trivially
        if (shape.equals("per-neuron") || shape.equals("general-constant")) s.sharedParameterMask = -1;
        LifStates.addSharedFusedCurrents(s, channels);
        LifStates.addConstantCurrent(s, shape.equals("general-constant"));
        if (shape.equals("general-conductance")) LifStates.addFusedConductances(s, 1);
        if (shape.equals("general-alpha")) LifStates.addAlphaCurrents(s);
        return s;
    }

    /** A noisy current around rheobase, occasional voltage kicks, arrivals of either sign into the fused currents. */
    private static void drive(LifState s, SplittableRandom r) {
        for (int i = 0; i < s.size; i++) {
            s.current[i] = (float) (r.nextDouble() * 1.5e-9);
            s.dv[i] = r.nextInt(50) == 0 ? (float) (r.nextDouble() * 4e-3) : 0f;
        }
        LifStates.kickFusedCurrents(s, r);
    }
}
