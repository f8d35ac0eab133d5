package org.spikelane.format;

import org.spikelane.spi.InputKernel;

/**
 * An input built for its target's format: the kernel, and the array the scheduler passes to
 * {@link InputKernel#addCurrent} each step (null under fixed,
 * where the kernel adds to the int drive instead).
 */
public record BoundInput(InputKernel kernel, float[] target) {}
