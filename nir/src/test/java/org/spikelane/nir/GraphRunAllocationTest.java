package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spikelane.Precision;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.GraphRun;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.io.NirReader;
import org.spikelane.nir.io.Npy;
import org.spikelane.nir.io.NpyArray;

/** A warm step of the braille graph allocates nothing, in every precision (the integer kernels included). */
class GraphRunAllocationTest {
    @ParameterizedTest
    @EnumSource(Precision.class)
    void warmStepsAllocateNothing(Precision precision) {
        CompiledGraph g = CompiledGraph.compile(NirReader.read(TestData.path("braille_noDelay_bias_zero.nir")),
                new RunOptions(1e-4, Integration.EULER, ResetMode.VALUE, precision));
        NpyArray in = Npy.read(TestData.path("braille/inputs.npy"));
        int row = g.inputSize(), rows = in.data().length / row;
        GraphRun run = new GraphRun(g);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        // up to 200 rounds: on a loaded machine C2 may compile the step late
        for (int round = 0; round < 200; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int t = 0; t < 1000; t++) run.step(in.data(), (t % rows) * row);
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (allocated == 0) break; // compiled by C2 and allocation-free
        }
        assertEquals(0, allocated, precision + ": bytes allocated by 1000 warm steps");
    }
}
