package org.spikelane.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReadmeSectionTest {

    @Test
    void replacesOnlyBetweenMarkers() {
        String readme = "# Results\n\nintro\n" + ReadmeSection.BEGIN + "\nold\n" + ReadmeSection.END + "\n\n## History\nkept\n";
        assertEquals("# Results\n\nintro\n" + ReadmeSection.BEGIN + "\nnew\n" + ReadmeSection.END + "\n\n## History\nkept\n",
                ReadmeSection.replace(readme, "new\n"));
    }

    @Test
    void firstRunInsertsAfterTheTitleAndKeepsTheRest() {
        assertEquals("# Results\n\n" + ReadmeSection.BEGIN + "\nnew\n" + ReadmeSection.END + "\n\n## History\n",
                ReadmeSection.replace("# Results\n\n## History\n", "new"));
        assertEquals("# Benchmark results\n\n" + ReadmeSection.BEGIN + "\nnew\n" + ReadmeSection.END + "\n",
                ReadmeSection.replace("", "new"));
    }

    @Test
    void aLoneMarkerIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ReadmeSection.replace("x\n" + ReadmeSection.END + "\n", "new"));
    }
}
