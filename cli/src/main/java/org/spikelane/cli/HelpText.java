package org.spikelane.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * What {@code --help} adds to picocli's option list: example commands, the example scenarios and
 * the docs. Picocli wraps text at word boundaries and treats '.', '/' and '-' as such, so it
 * would split {@code ./spikelane} or {@code "10 ms"}; the lines here are kept under the width
 * and the option texts place their examples so that they do not wrap.
 */
final class HelpText {
    /** Columns of the help; lines here stay shorter so picocli never wraps them. */
    static final int WIDTH = 100;

    private HelpText() {}

    /** Sets the width on every command and the footer of the top-level help. */
    static void addTo(CommandLine cl) {
        cl.setUsageHelpWidth(WIDTH);
        cl.getCommandSpec().usageMessage().footer(footer(examplesFolder()).toArray(String[]::new));
    }

    static List<String> footer(Path examples) {
        List<String> lines = new ArrayList<>(List.of(
                "",
                "Examples:",
                "  ./spikelane run examples/quickstart.yaml",
                "  ./spikelane run examples/cuba.yaml --set duration=\"2 s\" --out out/cuba-2s",
                "  ./spikelane sweep examples/fi-curve.yaml --vary \"inputs.0.amplitude=0 nA..10 nA:41\"",
                "  ./spikelane validate examples/coba.yaml --schedule --state",
                "  ./spikelane plugins --plugins my-plugin.jar",
                "  ./spikelane help run"));
        List<String> names = scenarioNames(examples);
        if (!names.isEmpty()) {
            lines.add("");
            lines.add("Example scenarios (examples/NAME.yaml; each says in its first lines what it shows):");
            lines.addAll(packed(names, "  "));
        }
        lines.addAll(List.of(
                "",
                "Docs: README.md (start, embedding from Java); in docs/: scenario.md (the scenario format),",
                "  inputs.md (input plugins), plugins.md (writing a plugin), semantics.md (time grid and step",
                "  order), checkpoints.md, fixed-point.md (fixed and loihi precision), architecture.md,",
                "  sweeps.md (grids, seed replicates), scale-out.md (sweeps on Apache Spark)"));
        return lines;
    }

    /** The repository's examples folder next to the CLI's build output, or null when installed elsewhere. */
    static Path examplesFolder() {
        try {
            var source = HelpText.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            // cli/target/spikelane-cli-*.jar or cli/target/classes
            Path examples = Path.of(source.getLocation().toURI()).getParent().getParent().getParent().resolve("examples");
            return Files.isDirectory(examples) ? examples : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> scenarioNames(Path examples) {
        if (examples == null) return List.of();
        try (Stream<Path> files = Files.list(examples)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Comma-separated words in lines shorter than the width, so that no name is cut. */
    static List<String> packed(List<String> words, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i) + (i + 1 < words.size() ? "," : "");
            if (line.length() > indent.length() && line.length() + 1 + word.length() >= WIDTH - 2) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) line.append(' ');
            line.append(word);
        }
        if (line.length() > indent.length()) lines.add(line.toString());
        return lines;
    }
}
