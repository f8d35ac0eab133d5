package org.spikelane.bench.report;

/**
 * JMH score units ({@code ns/op}, {@code us/op}, {@code ops/s}, ...) converted to seconds per
 * operation, so average-time, sample-time and throughput runs of one benchmark compare.
 */
public final class ScoreUnit {
    private ScoreUnit() {}

    /** Score and error in {@code unit} as seconds per operation. */
    public static Value secondsPerOp(double score, double error, String unit) {
        String[] parts = unit.strip().split("/");
        if (parts.length == 2 && isOp(parts[1])) {
            return new Value(score, error).times(seconds(parts[0], unit));
        }
        if (parts.length == 2 && isOp(parts[0])) {
            return opsPerSecond(score, error, unit).reciprocal();
        }
        throw new IllegalArgumentException("score unit '" + unit + "' is neither time/op nor ops/time");
    }

    /** Score and error in a rate unit ({@code ops/ms}, {@code ops/s}, ...) as operations per second. */
    public static Value opsPerSecond(double score, double error, String unit) {
        String[] parts = unit.strip().split("/");
        if (parts.length == 2 && isOp(parts[0])) {
            return new Value(score, error).times(1 / seconds(parts[1], unit));
        }
        if (parts.length == 2 && isOp(parts[1])) {
            return secondsPerOp(score, error, unit).reciprocal();
        }
        throw new IllegalArgumentException("score unit '" + unit + "' is neither time/op nor ops/time");
    }

    /** Whether {@code unit} is a rate (ops per time) rather than a time per op. */
    public static boolean isRate(String unit) {
        String[] parts = unit.strip().split("/");
        return parts.length == 2 && isOp(parts[0]);
    }

    private static boolean isOp(String s) {
        return s.equals("op") || s.equals("ops");
    }

    private static double seconds(String timeUnit, String unit) {
        return switch (timeUnit) {
            case "ns" -> 1e-9;
            case "us", "\u00b5s" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            case "hr", "h" -> 3600;
            case "day", "d" -> 86400;
            default -> throw new IllegalArgumentException("score unit '" + unit + "': unknown time unit '" + timeUnit + "'");
        };
    }
}
