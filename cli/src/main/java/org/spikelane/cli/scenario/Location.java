package org.spikelane.cli.scenario;

/** Where a key or value stands in a scenario file, both 1-based. */
public record Location(int line, int column) {}
