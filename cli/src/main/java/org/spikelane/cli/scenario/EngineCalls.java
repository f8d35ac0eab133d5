package org.spikelane.cli.scenario;

import java.util.function.Function;
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
            throw sources.error(where.isEmpty() ? path : path + "." + where, problem(e));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw sources.error(path, e.getMessage());
        }
    }

    /** The engine message without its "owner parameter 'x': " prefix (the path says that). */
    static String problem(ParameterException e) {
        String prefix = e.owner() + (e.parameter() == null ? "" : " parameter '" + e.parameter() + "'") + ": ";
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
