package org.spikelane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's own docs are the reference for its rules: no source, doc or example may cite a
 * document outside the repository, and every citation of a section of a file in docs/ must name a
 * numbered heading that exists there. A capitalised name after the word phase must be one of the
 * phases of docs/semantics.md §2, and phases are never numbered.
 */
class NoOutsideCitationsTest {
    /** Top-level entries that are walked; build output and hidden folders are skipped. */
    private static final List<String> WALKED = List.of("engine", "plugins", "nir", "cli", "bench", "docs", "examples", "README.md");
    private static final Set<String> EXTENSIONS = Set.of("java", "md", "yaml", "yml", "properties", "txt", "xml");

    /** Outside references: the design notes (by name or section sign) and the shared folder. */
    private static final List<Pattern> OUTSIDE = List.of(
            Pattern.compile("\\b[D]ESIGN\\b"),
            Pattern.compile("(?i)(?<!docs/)\\bdesign\\.md\\b"),
            Pattern.compile("(?:\\.\\.|/work)/shared\\b"));
    /** A doc path, optionally followed by a list of sections: docs/semantics.md §2, §8 and §10. */
    private static final Pattern DOC_CITATION = Pattern.compile(
            "docs/([\\w-]+\\.md)`?((?:[\\s`,;]*(?:and\\s+)?`?§\\s*\\d+(?:\\.\\d+)*)*)");
    private static final Pattern SECTION = Pattern.compile("§\\s*(\\d+(?:\\.\\d+)*)");
    private static final Pattern PHASE_NAME = Pattern.compile("\\b(?i:phases?)\\s+`?([A-Z][A-Z_]{2,})\\b");
    private static final Pattern PHASE_NUMBER = Pattern.compile("(?i)\\bphases?\\s+\\d");
    private static final Pattern HEADING = Pattern.compile("^#+\\s+(.*)$", Pattern.MULTILINE);
    private static final Pattern HEADING_NUMBER = Pattern.compile("^(\\d+(?:\\.\\d+)*)\\.?(?:\\s|$)");

    private static final List<String> PHASES = List.of(
            "HOOKS", "INPUTS", "RECORD", "SYNAPSE_UPDATE", "NEURON_UPDATE", "DELIVERY", "SPIKES_OUT");

    @Test
    void sourcesDocsAndExamplesCiteOnlyTheProjectsOwnDocs() throws IOException {
        Path root = repositoryRoot();
        Docs docs = Docs.read(root.resolve("docs"));
        List<String> problems = new ArrayList<>();
        int files = 0;
        for (Path file : walkedFiles(root)) {
            files++;
            String rel = root.relativize(file).toString().replace('\\', '/');
            problems.addAll(problems(rel, Files.readString(file), docs));
        }
        assertTrue(files > 100, "walked only " + files + " files under " + root);
        if (!problems.isEmpty()) {
            fail(problems.size() + " citation problem(s); the rules belong in docs/semantics.md or docs/architecture.md:\n  "
                    + String.join("\n  ", problems));
        }
    }

    @Test
    void semanticsNamesThePhasesInTheOrderOfTheStep() throws Exception {
        Docs docs = Docs.read(repositoryRoot().resolve("docs"));
        assertEquals(PHASES, docs.phases, "phase headings (### `NAME`) of docs/semantics.md §2");
        Class<?> phase;
        try {
            phase = Class.forName("org.spikelane.Phase");
        } catch (ClassNotFoundException absent) {
            return; // the enum is not on this branch yet; the doc order above is then the reference
        }
        List<String> names = Stream.of(phase.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        assertEquals(names, docs.phases, "org.spikelane.Phase and docs/semantics.md §2 list the same phases in the same order");
    }

    /** The checker itself: each kind of problem is found and named with its line. */
    @Test
    void theCheckerFindsEachKindOfProblem() throws IOException {
        Docs docs = Docs.read(repositoryRoot().resolve("docs"));
        String design = "DESI" + "GN";
        assertEquals(List.of(), problems("A.java", "// see docs/semantics.md §2, §8 and §10 (phase DELIVERY)\n", docs));
        assertEquals(List.of(), problems("a.md", "`docs/semantics.md §1` and `§2`, phase `INPUTS`\n", docs));
        assertProblem("A.java:2", problems("A.java", "ok\n// " + design + " \u00a72\n", docs));
        assertProblem("A.java:1", problems("A.java", "see " + design.toLowerCase() + ".md\n", docs));
        assertProblem("A.java:1", problems("A.java", "see .." + "/shared/notes\n", docs));
        assertProblem("A.java:1", problems("A.java", "docs/semantics.md \u00a799\n", docs));
        assertProblem("A.java:1", problems("A.java", "docs/semantics.md \u00a72 and \u00a799\n", docs));
        assertProblem("A.java:1", problems("A.java", "docs/" + "no-such-doc.md\n", docs));
        assertProblem("A.java:1", problems("A.java", "in phase " + "SYNAPSE_DECAY\n", docs));
        assertProblem("A.java:1", problems("A.java", "in phase" + " 4 of step n\n", docs));
        assertProblem("A.java:1", problems("A.java", "as in \u00a72\n", docs));
        assertProblem("docs/semantics.md:1", problems("docs/semantics.md", "see \u00a799\n", docs));
    }

    private static void assertProblem(String where, List<String> problems) {
        assertFalse(problems.isEmpty(), "expected a problem at " + where);
        assertTrue(problems.get(0).startsWith(where + ":"), problems.get(0) + " should start with " + where);
    }

    /** Problems of one file, each as {@code path:line: what}. */
    static List<String> problems(String rel, String text, Docs docs) {
        List<String> out = new ArrayList<>();
        String ownDoc = rel.startsWith("docs/") && rel.endsWith(".md") ? rel.substring("docs/".length()) : null;
        for (Pattern p : OUTSIDE) {
            Matcher m = p.matcher(text);
            while (m.find()) out.add(at(rel, text, m.start()) + "cites a document outside the repository: '" + m.group() + "'");
        }
        StringBuilder rest = new StringBuilder(text); // text with doc citations blanked, to find bare § afterwards
        Matcher m = DOC_CITATION.matcher(text);
        while (m.find()) {
            String doc = m.group(1);
            for (int i = m.start(); i < m.end(); i++) if (rest.charAt(i) != '\n') rest.setCharAt(i, ' ');
            Set<String> sections = docs.sections.get(doc);
            if (sections == null) {
                out.add(at(rel, text, m.start()) + "docs/" + doc + " does not exist");
                continue;
            }
            Matcher s = SECTION.matcher(m.group(2));
            while (s.find()) {
                if (!sections.contains(s.group(1))) {
                    out.add(at(rel, text, m.start()) + "docs/" + doc + " has no section " + s.group(1) + " (sections: " + sections + ")");
                }
            }
        }
        Matcher bare = SECTION.matcher(rest);
        while (bare.find()) {
            if (ownDoc == null) {
                out.add(at(rel, text, bare.start()) + "'" + bare.group() + "' without a document; cite the file in docs/ too");
            } else if (!docs.sections.getOrDefault(ownDoc, Set.of()).contains(bare.group(1))) {
                out.add(at(rel, text, bare.start()) + "docs/" + ownDoc + " has no section " + bare.group(1));
            }
        }
        Matcher phase = PHASE_NAME.matcher(text);
        while (phase.find()) {
            if (!docs.phases.contains(phase.group(1))) {
                out.add(at(rel, text, phase.start()) + "'" + phase.group(1) + "' is not a phase of docs/semantics.md §2 " + docs.phases);
            }
        }
        Matcher number = PHASE_NUMBER.matcher(text);
        while (number.find()) {
            out.add(at(rel, text, number.start()) + "phases have names, not numbers (docs/semantics.md §2): '" + number.group() + "'");
        }
        return out;
    }

    private static String at(String rel, String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return rel + ":" + line + ": ";
    }

    /** The docs' section numbers ("2", "2.1", ...) and the phase headings of docs/semantics.md §2. */
    record Docs(Map<String, Set<String>> sections, List<String> phases) {
        static Docs read(Path dir) throws IOException {
            Map<String, Set<String>> sections = new HashMap<>();
            List<String> phases = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                    Set<String> numbers = new LinkedHashSet<>();
                    boolean inStep = false;
                    Matcher h = HEADING.matcher(outsideCodeBlocks(Files.readString(f)));
                    while (h.find()) {
                        String title = h.group(1).strip();
                        Matcher n = HEADING_NUMBER.matcher(title);
                        if (n.find()) numbers.add(n.group(1));
                        if (f.getFileName().toString().equals("semantics.md")) {
                            if (h.group().startsWith("## ")) inStep = title.startsWith("2.");
                            else if (inStep && h.group().startsWith("### `") && title.endsWith("`")) {
                                phases.add(title.substring(1, title.length() - 1));
                            }
                        }
                    }
                    sections.put(f.getFileName().toString(), numbers);
                }
            }
            return new Docs(sections, phases);
        }
    }

    /** The text with fenced code blocks blanked, so that comment lines in them are not headings. */
    private static String outsideCodeBlocks(String text) {
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("```")) fenced = !fenced;
            out.append(fenced || line.strip().startsWith("```") ? "" : line).append('\n');
        }
        return out.toString();
    }

    private static List<Path> walkedFiles(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String top : WALKED) {
            Path start = root.resolve(top);
            if (!Files.exists(start)) continue;
            try (Stream<Path> s = Files.walk(start)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !skipped(root.relativize(p)))
                        .filter(p -> {
                            String name = p.getFileName().toString();
                            int dot = name.lastIndexOf('.');
                            return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
                        })
                        .forEach(out::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return out;
    }

    private static boolean skipped(Path rel) {
        for (Path part : rel) {
            String s = part.toString();
            if (s.equals("target") || s.startsWith(".")) return true;
        }
        return false;
    }

    /** Walks up from the working directory to the folder with the parent pom.xml and docs/. */
    static Path repositoryRoot() throws IOException {
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.isDirectory(dir.resolve("docs"))
                    && Files.readString(pom).contains("<modules>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder with a parent pom.xml and docs/ above " + start);
    }
}
