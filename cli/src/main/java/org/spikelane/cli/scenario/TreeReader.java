package org.spikelane.cli.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML (or JSON, by file extension) into plain maps, lists, strings, numbers and booleans,
 * recording the line and column of every key and list item in a {@link SourceMap}. YAML goes
 * through SnakeYAML's composer, whose node graph keeps every node's position and resolves
 * anchors and aliases ({@code &lif} / {@code *lif}) and merge keys ({@code <<: *lif}); Jackson's
 * streaming parser, used for JSON, reports an alias only by its name and forgets scalar anchors.
 */
public final class TreeReader {
    /**
     * The largest scenario file read. SnakeYAML's own default (3 MB of text) would refuse a
     * legitimate scenario with a few hundred thousand spike times; a limit stays so that a wrong
     * file (a recording, a disk image) is refused at once instead of filling the heap.
     */
    public static final long MAX_FILE_BYTES = 16L << 20;
    private static final JsonFactory JSON = new JsonFactory();

    private TreeReader() {}

    /** The tree of one file; its source map is {@code sources}. */
    public record Parsed(Map<String, Object> root, SourceMap sources) {}

    public static Parsed read(Path file) {
        String name = file.toString();
        return parse(name, text(file), name.toLowerCase(java.util.Locale.ROOT).endsWith(".json"));
    }

    /** The decoded text of a scenario file, for {@link #parse} (a sweep ships it to the JVMs that run its points). */
    public static String text(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw fileError(name, "the file has " + size + " bytes (" + mib(size) + " MiB); a scenario file may have at most "
                        + MAX_FILE_BYTES + " bytes (" + mib(MAX_FILE_BYTES) + " MiB): is it the right file?");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(name, null, null, "no such file");
        } catch (IOException e) {
            throw new ScenarioException(name, null, null, "cannot read: " + e.getMessage());
        }
        return decode(name, bytes);
    }

    /**
     * The text of a scenario file, which must be UTF-8 (an initial byte-order mark is dropped).
     * UTF-16 files (as some Windows editors save) and binary files get their own message, as the
     * YAML parser would only complain about "special characters".
     */
    static String decode(String name, byte[] bytes) {
        boolean utf16Bom = bytes.length >= 2 && ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff
                || (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe);
        // UTF-16 without a mark: ASCII text with every other byte zero
        boolean utf16Bare = bytes.length >= 4 && (bytes[0] == 0) != (bytes[1] == 0) && (bytes[2] == 0) != (bytes[3] == 0);
        if (utf16Bom || utf16Bare) {
            throw fileError(name, "the file is UTF-16 text; save it as UTF-8 (scenario files are UTF-8)");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ScenarioException(name, at(bytes, start, i), null,
                        "a NUL byte: this is a binary file, not a YAML scenario (text in UTF-8)");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (MalformedInputException e) {
            int offset = firstInvalidUtf8(bytes, start);
            throw new ScenarioException(name, at(bytes, start, offset), null, String.format(java.util.Locale.ROOT,
                    "byte 0x%02X is not UTF-8; save the file as UTF-8 (it looks like Latin-1 or another 8-bit encoding)",
                    bytes[offset] & 0xff));
        } catch (CharacterCodingException e) {
            throw fileError(name, "the file is not UTF-8 text: " + e.getMessage());
        }
    }

    /** The offset of the first byte that does not decode as UTF-8 (a decoder error does not say). */
    private static int firstInvalidUtf8(byte[] bytes, int start) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** The line and column (in bytes) of {@code offset}. */
    private static Location at(byte[] bytes, int start, int offset) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(line, offset - lineStart + 1);
    }

    private static ScenarioException fileError(String name, String problem) {
        return new ScenarioException(name, new Location(1, 1), null, problem);
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, bytes % (1 << 20) == 0 ? "%.0f" : "%.1f", bytes / (double) (1 << 20));
    }

    /** Parses scenario text; {@code name} is used in error messages. */
    public static Parsed parse(String name, String text, boolean json) {
        SourceMap sources = new SourceMap(name);
        Object root = json ? json(name, text, sources) : yaml(name, text, sources, true);
        if (root instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) root;
            return new Parsed(map, sources);
        }
        throw new ScenarioException(name, sources.error("", "").location(), null,
                "a scenario is a mapping of keys (dt, duration, populations, ...), not " + Tree.describe(root));
    }

    /** Parses one command-line value ("2 nA", "[0, 1]", "{normal: {...}}") as a YAML value. */
    public static Object parseValue(String option, String text) {
        Object value = yaml(option, text, new SourceMap(option), false);
        return value == null ? "" : value;
    }

    private static Object yaml(String name, String text, SourceMap sources, boolean file) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) MAX_FILE_BYTES);
        Node root;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = String.valueOf(e.getProblem());
            if (problem.contains("another document") || String.valueOf(e.getContext()).contains("single document")) {
                problem = "a second YAML document ('---') follows the scenario; a scenario file holds one YAML document";
            } else if (problem.startsWith("found undefined alias")) {
                String anchor = problem.substring("found undefined alias".length()).strip();
                problem = "the alias '*" + anchor + "' refers to no anchor '&" + anchor + "' defined before it";
            } else {
                problem = "malformed YAML: " + firstLine(problem);
            }
            throw new ScenarioException(name, mark == null ? null : location(mark), null, problem);
        } catch (YAMLException e) {
            throw new ScenarioException(name, file ? new Location(1, 1) : null, null, "malformed YAML: " + firstLine(e.getMessage()));
        }
        if (root == null) {
            if (!file) return null;
            throw fileError(name, "the file is empty (no keys, only comments or blank lines)");
        }
        sources.put("", location(root.getStartMark()));
        return new YamlNodes(name, sources).value(root, "");
    }

    /**
     * Turns SnakeYAML's nodes into plain values. An alias is the very node it names, so each use
     * becomes its own copy (a {@code --set} of one use leaves the others alone); a node met again
     * inside itself is an alias loop, refused rather than followed for ever.
     */
    private static final class YamlNodes {
        private final String name;
        private final SourceMap sources;
        private final IdentityHashMap<Node, Boolean> open = new IdentityHashMap<>();

        YamlNodes(String name, SourceMap sources) {
            this.name = name;
            this.sources = sources;
        }

        Object value(Node node, String path) {
            if (open.containsKey(node)) {
                throw sources.error(path, "an alias refers to a value that contains it, a loop that has no end");
            }
            open.put(node, Boolean.TRUE);
            try {
                return switch (node) {
                    case MappingNode m -> mapping(m, path);
                    case SequenceNode seq -> {
                        List<Object> list = new ArrayList<>(seq.getValue().size());
                        for (Node item : seq.getValue()) {
                            String childPath = SourceMap.child(path, list.size());
                            sources.put(childPath, location(item.getStartMark()));
                            list.add(value(item, childPath));
                        }
                        yield list;
                    }
                    case ScalarNode scalar -> scalar(scalar, path);
                    default -> throw error(node, path, "unexpected YAML node " + node.getNodeId());
                };
            } finally {
                open.remove(node);
            }
        }

        private Map<String, Object> mapping(MappingNode node, String path) {
            // YAML's merge key: the mappings named by `<<: *base` (or a list of them) give the keys
            // this mapping does not set itself, the first named winning. They are read first so
            // that the positions of the mapping's own keys replace theirs.
            Map<String, Object> inherited = new LinkedHashMap<>();
            for (NodeTuple entry : node.getValue()) {
                if (!entry.getKeyNode().getTag().equals(Tag.MERGE)) continue;
                Node from = entry.getValueNode();
                for (Node source : from instanceof SequenceNode seq ? seq.getValue() : List.of(from)) {
                    if (!(value(source, path) instanceof Map<?, ?> keys)) {
                        throw error(source, path, "a merge key '<<' takes a mapping (or a list of them)");
                    }
                    keys.forEach((k, v) -> inherited.putIfAbsent(String.valueOf(k), v));
                }
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple entry : node.getValue()) {
                Node keyNode = entry.getKeyNode();
                if (keyNode.getTag().equals(Tag.MERGE)) continue;
                if (!(keyNode instanceof ScalarNode keyScalar)) throw error(keyNode, path, "a key must be a word, not a list or a mapping");
                String key = keyScalar.getValue();
                String childPath = SourceMap.child(path, key);
                if (map.containsKey(key)) throw error(keyNode, childPath, "duplicate key '" + key + "'");
                sources.put(childPath, location(keyNode.getStartMark()));
                map.put(key, value(entry.getValueNode(), childPath));
            }
            inherited.forEach(map::putIfAbsent);
            return map;
        }

        /**
         * A plain scalar's type by YAML's rules, with exact whole numbers (a BigInteger beyond
         * long). Only {@code true}/{@code false} are booleans: YAML 1.1's {@code yes}, {@code no},
         * {@code on}, {@code off} stay words (a population may be named {@code no}).
         */
        private Object scalar(ScalarNode node, String path) {
            String text = node.getValue();
            Tag tag = node.getTag();
            if (tag.equals(Tag.NULL)) return null;
            if (tag.equals(Tag.BOOL)) {
                return text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : text;
            }
            if (tag.equals(Tag.INT)) return wholeNumber(node, path, text);
            if (tag.equals(Tag.FLOAT)) return floatingPoint(node, path, text);
            if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) return text;
            throw error(node, path, "the YAML tag " + tag + " is not supported here");
        }

        private Object wholeNumber(Node node, String path, String text) {
            String digits = text.replace("_", "");
            if (digits.contains(":")) throw error(node, path, "'" + text + "' is a base-60 number in YAML 1.1; write the value itself");
            boolean negative = digits.startsWith("-");
            if (negative || digits.startsWith("+")) digits = digits.substring(1);
            int radix = 10;
            if (digits.startsWith("0x")) {
                radix = 16;
                digits = digits.substring(2);
            } else if (digits.startsWith("0b")) {
                radix = 2;
                digits = digits.substring(2);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                // YAML 1.1 reads 010 as octal 8, which no one writing a size or an index means
                throw error(node, path, "'" + text + "' starts with 0, which YAML reads as an octal number; write it without the leading 0");
            }
            BigInteger value = new BigInteger(digits, radix);
            if (negative) value = value.negate();
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        }

        private Object floatingPoint(Node node, String path, String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".nan") || lower.endsWith(".inf")) {
                throw error(node, path, lower.endsWith(".nan") ? "'" + text + "' is not a number; give a finite value"
                        : "'" + text + "' is infinite; give a finite value (a time that never comes, such as an input's stop, is written 'inf s')");
            }
            if (text.contains(":")) throw error(node, path, "'" + text + "' is a base-60 number in YAML 1.1; write the value itself");
            double value = Double.parseDouble(text.replace("_", ""));
            if (Double.isInfinite(value)) throw error(node, path, "'" + text + "' is beyond the range of a double (about 1.8e308)");
            return value;
        }

        /** An error at the node's own position (the path may be an alias's, but the node says where). */
        private ScenarioException error(Node node, String path, String problem) {
            return new ScenarioException(name, location(node.getStartMark()), path.isEmpty() ? null : path, problem);
        }
    }

    private static Location location(Mark mark) {
        return new Location(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** JSON through Jackson's streaming parser, which gives the position of every token. */
    private static Object json(String name, String text, SourceMap sources) {
        try (Reader reader = new StringReader(text); JsonParser p = JSON.createParser(reader)) {
            JsonToken first = p.nextToken();
            if (first == null) throw fileError(name, "the file is empty");
            sources.put("", location(p.currentTokenLocation()));
            Object root = jsonValue(p, "", sources, name);
            if (p.nextToken() != null) {
                throw new ScenarioException(name, location(p.currentTokenLocation()), null, "more follows the scenario's closing '}'");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ScenarioException(name, e.getLocation() == null ? null : location(e.getLocation()), null,
                    "malformed JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ScenarioException(name, null, null, "cannot read: " + e.getMessage());
        }
    }

    private static Object jsonValue(JsonParser p, String path, SourceMap sources, String name) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String childPath = SourceMap.child(path, key);
                    Location at = location(p.currentTokenLocation());
                    if (map.containsKey(key)) throw new ScenarioException(name, at, childPath, "duplicate key '" + key + "'");
                    sources.put(childPath, at);
                    p.nextToken();
                    map.put(key, jsonValue(p, childPath, sources, name));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String childPath = SourceMap.child(path, list.size());
                    sources.put(childPath, location(p.currentTokenLocation()));
                    list.add(jsonValue(p, childPath, sources, name));
                }
                return list;
            }
            case VALUE_STRING -> { return p.getText(); }
            case VALUE_NUMBER_INT -> { return p.getNumberValue(); }
            case VALUE_NUMBER_FLOAT -> { return p.getDoubleValue(); }
            case VALUE_TRUE -> { return Boolean.TRUE; }
            case VALUE_FALSE -> { return Boolean.FALSE; }
            case VALUE_NULL -> { return null; }
            default -> throw new ScenarioException(name, location(p.currentTokenLocation()), path, "unexpected " + t);
        }
    }

    private static Location location(JsonLocation at) {
        return new Location(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        String line = message.strip().lines().findFirst().orElse(message);
        return line.strip();
    }
}
