package org.spikelane.cli.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML (or JSON, by file extension) into plain maps, lists, strings, numbers and booleans,
 * recording the line and column of every key and list item in a {@link SourceMap}. Jackson's
 * streaming parser is used directly because its tree model forgets locations.
 */
public final class TreeReader {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private TreeReader() {}

    /** The tree of one file; its source map is {@code sources}. */
    public record Parsed(Map<String, Object> root, SourceMap sources) {}

    public static Parsed read(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(name, null, null, "no such file");
        } catch (IOException e) {
            throw new ScenarioException(name, null, null, "cannot read: " + e.getMessage());
        }
        return parse(name, text, name.toLowerCase(java.util.Locale.ROOT).endsWith(".json"));
    }

    /** Parses scenario text; {@code name} is used in error messages. */
    public static Parsed parse(String name, String text, boolean json) {
        SourceMap sources = new SourceMap(name);
        try (Reader reader = new StringReader(text); JsonParser p = (json ? JSON : YAML).createParser(reader)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new ScenarioException(name, null, null, "the file is empty");
            if (first != JsonToken.START_OBJECT) {
                throw new ScenarioException(name, location(p.currentTokenLocation()), null,
                        "a scenario is a mapping of keys (dt, duration, populations, ...), not a " + describe(first));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) value(p, "", sources, name);
            return new Parsed(root, sources);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(name, e.getLocation() == null ? null : location(e.getLocation()), null,
                    "malformed " + (json ? "JSON" : "YAML") + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ScenarioException(name, null, null, "cannot read: " + e.getMessage());
        }
    }

    /** Parses one command-line value ("2 nA", "[0, 1]", "{normal: {...}}") as a YAML value. */
    public static Object parseValue(String option, String text) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return "";
            return value(p, "", new SourceMap(option), option);
        } catch (IOException e) {
            throw new ScenarioException(option, null, null, "malformed value: " + firstLine(e.getMessage()));
        }
    }

    private static Object value(JsonParser p, String path, SourceMap sources, String name) throws IOException {
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
                    map.put(key, value(p, childPath, sources, name));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String childPath = SourceMap.child(path, list.size());
                    sources.put(childPath, location(p.currentTokenLocation()));
                    list.add(value(p, childPath, sources, name));
                }
                return list;
            }
            case VALUE_STRING -> { return p.getText(); }
            case VALUE_NUMBER_INT -> { return p.getNumberValue(); }
            case VALUE_NUMBER_FLOAT -> { return p.getDoubleValue(); }
            case VALUE_TRUE -> { return Boolean.TRUE; }
            case VALUE_FALSE -> { return Boolean.FALSE; }
            case VALUE_NULL -> { return null; }
            default -> throw new ScenarioException(name, location(p.currentTokenLocation()), path, "unexpected " + describe(t));
        }
    }

    private static Location location(JsonLocation at) {
        return new Location(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "list";
            case VALUE_STRING -> "text value";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            default -> t.asString() == null ? t.name().toLowerCase(java.util.Locale.ROOT) : t.asString();
        };
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        String line = message.strip().lines().findFirst().orElse(message);
        return line.strip();
    }
}
