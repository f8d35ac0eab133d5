package org.spikelane.neuron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spikelane.simd.Simd;
import org.spikelane.spi.ConstantCurrent;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * The constant input currents of one float32 population ({@link ConstantCurrent}), summed once
 * into {@link #sum} (per neuron, in the order the inputs asked for them) whenever one changes,
 * which the LIF kernels add to the step's {@code current} in their pass. While every neuron has
 * the same sum (CUBA's none at all, or one bias for all) it is read at {@code i & mask} with
 * {@code mask == 0} from the first vector, whose padding lanes then hold neuron 0's value, as
 * {@link LifState#sharedParameterMask} does; once neurons differ, {@code mask} is {@code -1} for good.
 */
public final class ConstantCurrents {
    private final int size;
    private final int padded;
    private final List<float[]> parts = new ArrayList<>();
    /** The sum of every constant input per neuron (A). */
    public final float[] sum;
    /** 0 while every neuron's sum is the same, -1 once they differ. */
    public int mask;

    ConstantCurrents(int size, int padded) {
        this.size = size;
        this.padded = padded;
        this.sum = new float[padded];
    }

    /** A new constant input, all zero. */
    ConstantCurrent add() {
        float[] values = new float[padded];
        parts.add(values);
        return new ConstantCurrent() {
            @Override public float[] values() { return values; }

            @Override public void changed(int from, int to) { resum(Math.max(0, from), Math.min(size, to)); }
        };
    }

    private void resum(int from, int to) {
        for (int i = from; i < to; i++) {
            float s = 0f;
            for (float[] part : parts) s += part[i];
            sum[i] = s;
        }
        if (mask == 0) {
            // neurons outside the range still hold sum[0] unless neuron 0 itself changed
            boolean same = true;
            for (int i = from == 0 ? 1 : from, end = from == 0 ? size : to; i < end && same; i++) same = sum[i] == sum[0];
            if (same) Arrays.fill(sum, 0, Math.min(padded, Simd.LANES), sum[0]);
            else mask = -1;
        }
        // per-neuron loads read the padding lanes: they carry no input
        if (mask == -1) Arrays.fill(sum, size, padded, 0f);
    }

    void declareState(StateDeclarer s) {
        for (int k = 0; k < parts.size(); k++) s.array("constantCurrent." + k, Role.PARAMETER, "A", parts.get(k));
        s.array("constantCurrent.sum", Role.PARAMETER, "A", sum);
        s.scalar("constantCurrent.mask", Role.PARAMETER, StateDeclarer.NO_UNIT, () -> mask, m -> mask = (int) m);
    }
}
