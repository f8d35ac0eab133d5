package org.spikelane.nir.kernel;

import org.spikelane.nir.model.NirArray;
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirNode;

/**
 * A node's per-neuron parameters as arrays of its size: a scalar (or one-element) dataset is
 * broadcast to every neuron, anything else must have exactly one value per neuron.
 */
public final class NodeParams {
    private NodeParams() {}

    /** The number of neurons the named parameters imply, or {@code fallback} if all are scalars. */
    public static int size(NirNode node, int fallback, String... names) {
        int n = -1;
        for (String name : names) {
            NirArray a = node.params().get(name);
            if (a == null || a.size() == 1) continue;
            if (n >= 0 && a.size() != n) {
                throw new NirException("node '" + node.name() + "' (" + node.type() + "): '" + name + "' has " + a.size() + " values, other parameters " + n);
            }
            n = a.size();
        }
        if (n < 0 && fallback < 0) throw NodeKernels.sizeUnknown(node);
        return n >= 0 ? n : fallback;
    }

    public static double[] doubles(NirNode node, String name, int n) {
        return broadcast(node, name, node.require(name), n);
    }

    public static double[] doublesOr(NirNode node, String name, int n, double fallback) {
        NirArray a = node.params().get(name);
        return a == null ? filled(n, fallback) : broadcast(node, name, a, n);
    }

    /** Positive finite values only (time constants): a zero tau would divide by zero every step. */
    public static double[] positive(NirNode node, String name, int n) {
        double[] v = doubles(node, name, n);
        for (int i = 0; i < n; i++) {
            if (!(v[i] > 0) || Double.isInfinite(v[i])) {
                throw new NirException("node '" + node.name() + "' (" + node.type() + "): " + name + "[" + i + "] = " + v[i] + "; it must be a positive finite time in seconds");
            }
        }
        return v;
    }

    public static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    private static double[] broadcast(NirNode node, String name, NirArray a, int n) {
        if (a.size() == 1) return filled(n, a.get(0));
        if (a.size() != n) {
            throw new NirException("node '" + node.name() + "' (" + node.type() + "): '" + name + "' has " + a.size() + " values for " + n + " neurons");
        }
        return a.values().clone();
    }

    private static double[] filled(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }
}
