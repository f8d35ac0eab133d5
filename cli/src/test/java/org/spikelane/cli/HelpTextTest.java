package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** --help: lines that fit, no value or path cut across lines, and the examples and docs listed. */
class HelpTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "run", "sweep", "plugins", "validate"})
    void noValueIsCutAcrossLines(String command) {
        String help = command.isEmpty() ? Cli.ok("--help").out() : Cli.ok(command, "--help").out();
        for (String line : help.lines().toList()) {
            assertTrue(line.length() <= HelpText.WIDTH, "too long: " + line);
            assertEquals(0, line.chars().filter(c -> c == '"').count() % 2, "a quoted value is cut: " + line + "\n" + help);
            String text = line.strip();
            assertTrue(!text.startsWith("/") && !text.startsWith(","), "a path is cut: " + line + "\n" + help);
            assertTrue(!text.endsWith("-") || text.endsWith(" -"), "a name is cut at its hyphen: " + line + "\n" + help);
        }
        assertTrue(!Pattern.compile("\\.\\n\\s*(png|csv|json|yaml|md|jar)\\b").matcher(help).find(), "a file name is cut:\n" + help);
    }

    @Test
    void theTopHelpListsEveryExampleAndExistingDocs() throws IOException {
        String help = Cli.ok("--help").out();
        try (Stream<Path> files = Files.list(Cli.EXAMPLES)) {
            for (String name : files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).toList()) {
                String base = name.substring(0, name.length() - ".yaml".length());
                assertTrue(Pattern.compile("[ ,]" + Pattern.quote(base) + "(,|$)", Pattern.MULTILINE).matcher(help).find(), base + " in\n" + help);
            }
        }
        Path root = Cli.EXAMPLES.getParent();
        Matcher md = Pattern.compile("([A-Za-z-]+\\.md)").matcher(help);
        int docs = 0;
        while (md.find()) {
            docs++;
            String file = md.group(1);
            assertTrue(Files.exists(root.resolve(file)) || Files.exists(root.resolve("docs").resolve(file)), file + " named in --help");
        }
        assertTrue(docs >= 8, help);
        Matcher commands = Pattern.compile("\\./spikelane \\w+ (examples/[a-z0-9-]+\\.yaml)").matcher(help);
        int examples = 0;
        while (commands.find()) {
            examples++;
            assertTrue(Files.exists(root.resolve(commands.group(1))), commands.group(1));
        }
        assertTrue(examples >= 4, help);
    }

    @Test
    void namesArePackedWithoutCuttingAny() {
        List<String> lines = HelpText.packed(java.util.Collections.nCopies(30, "seed-pulses-inverse"), "  ");
        for (String line : lines) assertTrue(line.length() < HelpText.WIDTH, line);
        assertEquals(30, String.join(" ", lines).split("seed-pulses-inverse", -1).length - 1);
    }
}
