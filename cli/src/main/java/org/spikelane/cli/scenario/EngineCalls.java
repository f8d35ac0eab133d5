package org.spikelane.cli.scenario;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spikelane.spi.ParameterException;

/**
 * Calls into the engine from the scenario builders: an engine error about parameter {@code p} of
 * the thing being added becomes a located error at {@code path + "." + field(p)}.
 */
final class EngineCalls {
    private EngineCalls() {}

    static void run(SourceMap sources, String path, Function<String, String> field, Runnable call) {
        try {
            call.run();
        } catch (ParameterException e) {
            String where = e.parameter() == null ? "" : field.apply(e.parameter());
            throw located(sources, where.isEmpty() ? path : path + "." + where, problem(e));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw sources.error(path, e.getMessage());
        }
    }

    /** A problem inside a structure ("every: ...", "times[2]: ..."). */
    private static final Pattern INNER_KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\d+)])?: (.*)");

    /**
     * An error at {@code path}, or deeper where the problem starts with a key written below it:
     * a plugin checks its structure itself ({@code events}) and names the inner key in its
     * message, which should point at that key's line.
     */
    static ScenarioException located(SourceMap sources, String path, String problem) {
        Matcher m = INNER_KEY.matcher(problem);
        if (m.matches() && sources.has(path + "." + m.group(1))) {
            String inner = path + "." + m.group(1) + (m.group(2) == null ? "" : "." + m.group(2));
            return sources.error(inner, m.group(3));
        }
        return sources.error(path, problem);
    }

    /** The engine message without its "owner parameter 'x': " prefix (the path says that). */
    static String problem(ParameterException e) {
        String prefix = e.owner() + (e.parameter() == null ? "" : " parameter '" + e.parameter() + "'") + ": ";
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
