package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/scenario.md's parameter reference is what `plugins --markdown` prints, in well-formed tables. */
class ScenarioDocReferenceTest {
    /** Every table row has five cells: a '|' inside a value (choice lists) is escaped. */
    @Test
    void everyRowHasFiveCells() {
        String md = Cli.ok("plugins", "--markdown").out();
        int rows = 0;
        for (String line : md.lines().filter(l -> l.startsWith("| `")).toList()) {
            rows++;
            String[] cells = line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1);
            assertEquals(5, cells.length, line);
            assertTrue(!cells[4].isBlank(), "no meaning: " + line);
        }
        assertTrue(rows > 30, md);
        assertTrue(md.contains("| `threshold` | word | > | > \\| >= | spike when v > v_threshold (or >=) |"), md);
    }

    @Test
    void theDocHoldsTheGeneratedReference() throws IOException {
        String doc = Files.readString(Cli.EXAMPLES.resolveSibling("docs").resolve("scenario.md"));
        String generated = Cli.ok("plugins", "--markdown").out().strip();
        String reference = doc.substring(doc.indexOf("### Neuron model")).strip();
        assertEquals(generated, reference,
                "docs/scenario.md's reference differs from ./spikelane plugins --markdown: replace the section from '### Neuron model' on");
    }
}
