package org.spikelane;

/** Told how far a long run has got, about 200 times per run; never per step. */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(long stepsDone, long stepsTotal);
}
