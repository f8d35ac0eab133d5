package org.spikelane.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Results no category claims, one row each: benchmark, parameters, mode, score as JMH gave it. */
public final class GenericTable {
    private GenericTable() {}

    public static String render(List<JmhResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (JmhResult r : results) {
            String params = r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
            rows.add(List.of(Markdown.code(r.shortName()), params.isEmpty() ? "-" : params, r.mode(),
                    Markdown.significant(new Value(r.score(), r.error())), r.unit(),
                    r.forks() + (r.forks() < 3 ? " †" : "")));
        }
        return Markdown.table(List.of("benchmark", "parameters", "mode", "score", "unit", "forks"),
                new boolean[] {false, false, false, true, false, true}, rows);
    }
}
