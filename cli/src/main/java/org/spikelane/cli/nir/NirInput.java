package org.spikelane.cli.nir;

import java.nio.file.Path;
import org.spikelane.nir.io.Npy;
import org.spikelane.nir.io.NpyArray;

/**
 * The {@code --input} array: [T, C] for one sample or [B, T, C] for a batch of B samples run
 * independently (C the Input node's size; a 1-D [T] is one channel).
 */
record NirInput(float[] data, int samples, int steps, boolean batch) {
    /** @param inputNodes how many Input nodes share a row (their sizes add up to {@code channels}) */
    static NirInput read(Path file, int channels, int inputNodes) {
        NpyArray a = Npy.read(file);
        int[] s = a.shape();
        String shape = a.shapeText();
        int c = s.length == 0 ? 0 : s[s.length - 1];
        if (s.length == 1 && channels == 1) return new NirInput(a.data(), 1, s[0], false);
        if (s.length != 2 && s.length != 3) {
            throw new IllegalArgumentException("--input " + file + ": shape " + shape + "; expected [T, C] or [B, T, C] with C = " + channels);
        }
        if (c != channels) {
            throw new IllegalArgumentException("--input " + file + ": shape " + shape + " has C = " + c + " channels; the graph's Input node"
                    + (inputNodes == 1 ? " takes " + channels : "s take " + channels + " together (docs/nir.md, \"The rules of a step\")"));
        }
        int samples = s.length == 3 ? s[0] : 1;
        int steps = s.length == 3 ? s[1] : s[0];
        if (samples < 1 || steps < 1) throw new IllegalArgumentException("--input " + file + ": shape " + shape + " holds no step");
        for (int i = 0; i < a.data().length; i++) {
            if (!Float.isFinite(a.data()[i])) {
                throw new IllegalArgumentException("--input " + file + ": value " + a.data()[i] + " at flat index " + i + "; inputs must be finite");
            }
        }
        return new NirInput(a.data(), samples, steps, s.length == 3);
    }
}
