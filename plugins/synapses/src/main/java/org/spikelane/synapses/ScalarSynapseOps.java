package org.spikelane.synapses;

/** The reference loops every {@link VectorSynapseOps} method is tested against. */
final class ScalarSynapseOps implements SynapseOps {
    static final ScalarSynapseOps INSTANCE = new ScalarSynapseOps();

    private ScalarSynapseOps() {}

    @Override
    public void feedConductance(float[] g, float[] gE, double eRev, double[][] s, double[] decay, int from, int to) {
        for (int i = from; i < to; i++) {
            double sum = s[0][i];
            for (int t = 1; t < s.length; t++) sum += s[t][i];
            g[i] += (float) sum;
            gE[i] += (float) (sum * eRev);
            for (int t = 0; t < s.length; t++) s[t][i] *= decay[t];
        }
    }
}
