package org.spikelane.nir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spikelane.nir.io.NirReader;
import org.spikelane.nir.io.Npy;
import org.spikelane.nir.model.NirArray;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.model.NirNode;

/**
 * Writes every parameter of a NIR graph as {@code NODE.PARAM.npy} (float64, the values as the
 * reader sees them) so that {@code braille/braille_reference.py}, which has numpy but no HDF5
 * reader, can load the weights. Run once to make the test data:
 * {@code java ... org.spikelane.nir.BrailleExport MODEL.nir OUTDIR}; {@code BrailleReferenceTest}
 * checks that the committed export still equals what the reader reads.
 */
public final class BrailleExport {
    private BrailleExport() {}

    public static void main(String[] args) throws IOException {
        export(NirReader.read(Path.of(args[0])), Path.of(args[1]));
    }

    static void export(NirGraph graph, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (NirNode node : graph.nodes().values()) {
            for (var e : node.params().entrySet()) {
                NirArray a = e.getValue();
                Npy.writeFloat64(dir.resolve(node.name() + "." + e.getKey() + ".npy"), a.values(), a.shape());
            }
        }
    }
}
