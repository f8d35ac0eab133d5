package org.spikelane.net;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which projections deliver ahead into a {@link FutureInputRing} and where each ring's
 * drain goes among the pathways. A projection delivers ahead when its kernel adds into a plain
 * accumulator ({@link org.spikelane.spi.SynapseKernel#accumulator()}, float32 {@code exp_current}
 * today) and it has more than one delay: one delay is a single segment per spike already, and
 * delivering it as before keeps the float sums of such networks (CUBA, COBA) exactly as they were.
 * Projections into one accumulator share one ring, drained right after the last of them.
 */
public final class AheadDelivery {
    /** Largest ring, in floats (256 MB): a longer one falls back to delivery on arrival. */
    static final long MAX_SLOTS = 1L << 26;

    /** The pathways in step order and the rings among them (to declare as state). */
    public record Plan(Pathway[] pathways, List<FutureInputRing> rings) {}

    private AheadDelivery() {}

    public static Plan plan(List<Projection> projections) {
        Map<float[], List<Projection>> byAccumulator = new IdentityHashMap<>();
        for (Projection p : projections) {
            float[] acc = p.kernel().accumulator();
            if (acc != null && p.table().groups() > 1) byAccumulator.computeIfAbsent(acc, a -> new ArrayList<>()).add(p);
        }
        Map<Projection, FutureInputRing> drainAfter = new IdentityHashMap<>();
        List<FutureInputRing> rings = new ArrayList<>();
        for (Map.Entry<float[], List<Projection>> e : byAccumulator.entrySet()) {
            List<Projection> feeding = e.getValue();
            int padded = feeding.get(0).target().padded();
            int length = 1;
            for (Projection p : feeding) length = Math.max(length, p.table().maxDelay() + 1);
            if ((long) length * padded > MAX_SLOTS || e.getKey().length < padded) continue;
            FutureInputRing ring = new FutureInputRing(e.getKey(), feeding.get(0).target(), length);
            for (Projection p : feeding) p.deliverAhead(ring);
            drainAfter.put(feeding.get(feeding.size() - 1), ring);
        }
        List<Pathway> pathways = new ArrayList<>();
        for (Projection p : projections) {
            pathways.add(p);
            FutureInputRing ring = drainAfter.get(p);
            if (ring != null) {
                pathways.add(ring);
                rings.add(ring);
            }
        }
        return new Plan(pathways.toArray(Pathway[]::new), List.copyOf(rings));
    }
}
