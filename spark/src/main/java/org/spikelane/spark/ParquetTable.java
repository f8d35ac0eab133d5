package org.spikelane.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.spikelane.cli.sweep.Grid;
import org.spikelane.cli.sweep.PopulationStats;
import org.spikelane.cli.sweep.RunSpec;
import org.spikelane.cli.sweep.RunStats;
import org.spikelane.cli.sweep.SineResponse;
import org.spikelane.cli.sweep.SweepJob;
import org.spikelane.cli.sweep.VarySpec;

/**
 * {@code sweep.parquet}: one row per run and population, one Parquet file written by the driver
 * (so it needs no file system shared with the executors). Columns: {@code run}, {@code point},
 * {@code replicate}, {@code seed}; per {@code --vary} the value as written
 * ({@code vary_inputs_0_amplitude}: "1.5 nA") and in SI units ({@code ..._si}, null for words);
 * {@code population}, {@code neurons}, {@code spikes}, {@code rate_hz}, {@code isi_rate_hz},
 * {@code isi_cv} (null where no neuron fired three times), {@code steps}, {@code dt_s}; in a sweep
 * over a sine's frequency also the fit of sweep.csv in SI units ({@code sine_population},
 * {@code sine_neuron}, {@code sine_v_amplitude_v}, {@code sine_i_amplitude_a}, {@code sine_gain_ohm},
 * {@code sine_lag_deg}) and the RC low-pass ({@code rc_gain_ohm}, {@code rc_lag_deg}). The
 * {@code --vary} options as written are in the file's metadata ({@code spikelane.vary.N}).
 */
final class ParquetTable {
    private ParquetTable() {}

    static void write(SweepJob job, Grid grid, List<RunStats> runs, OutputStream out) throws IOException {
        boolean sine = !job.runs().isEmpty() && job.runs().getFirst().sineInput() >= 0;
        MessageType schema = schema(grid, sine);
        Map<String, String> meta = new LinkedHashMap<>();
        for (int a = 0; a < grid.dimensions(); a++) meta.put("spikelane.vary." + a, grid.axis(a).option());
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new StreamFile(out)).withType(schema)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).withExtraMetaData(meta).build()) {
            for (RunStats r : runs) {
                RunSpec spec = job.runs().get(r.run());
                for (int p = 0; p < r.populations().size(); p++) {
                    Group g = rows.newGroup().append("run", r.run()).append("point", spec.point()).append("replicate", spec.replicate())
                            .append("seed", r.seed());
                    for (int a = 0; a < grid.dimensions(); a++) {
                        VarySpec v = grid.axis(a);
                        int k = grid.index(spec.point(), a);
                        g.append(column(v), v.text(k));
                        if (!v.words()) g.append(column(v) + "_si", v.value(k));
                    }
                    PopulationStats s = r.stats().get(p);
                    g.append("population", r.populations().get(p)).append("neurons", r.sizes().get(p)).append("spikes", s.spikes())
                            .append("rate_hz", s.rateHz()).append("isi_rate_hz", s.isiRateHz());
                    if (!Double.isNaN(s.isiCv())) g.append("isi_cv", s.isiCv());
                    g.append("steps", r.steps()).append("dt_s", r.dt());
                    if (sine) appendSine(g, r.sine(), grid.axis(0).value(grid.index(spec.point(), 0)));
                    w.write(g);
                }
            }
        }
    }

    /**
     * The sine columns of one run (a sweep over a sine's frequency, as in sweep.csv, in SI units):
     * what was fitted (null where the run had no neuron to fit) and the RC low-pass of the fitted
     * neuron at the run's frequency.
     */
    private static void appendSine(Group g, SineResponse fit, double frequency) {
        if (fit == null || !fit.fitted()) return;
        g.append("sine_population", fit.population()).append("sine_neuron", fit.neuron())
                .append("sine_v_amplitude_v", fit.vAmplitude()).append("sine_i_amplitude_a", fit.iAmplitude())
                .append("sine_gain_ohm", fit.gain()).append("sine_lag_deg", fit.lagDegrees())
                .append("rc_gain_ohm", fit.model().gain(frequency)).append("rc_lag_deg", fit.model().lagDegrees(frequency));
    }

    static MessageType schema(Grid grid, boolean sine) {
        var b = Types.buildMessage()
                .required(PrimitiveTypeName.INT32).named("run")
                .required(PrimitiveTypeName.INT32).named("point")
                .required(PrimitiveTypeName.INT32).named("replicate")
                .required(PrimitiveTypeName.INT64).named("seed");
        for (VarySpec v : grid.axes()) {
            b = b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column(v));
            b = b.optional(PrimitiveTypeName.DOUBLE).named(column(v) + "_si");
        }
        b = b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("population")
                .required(PrimitiveTypeName.INT32).named("neurons")
                .required(PrimitiveTypeName.INT64).named("spikes")
                .required(PrimitiveTypeName.DOUBLE).named("rate_hz")
                .required(PrimitiveTypeName.DOUBLE).named("isi_rate_hz")
                .optional(PrimitiveTypeName.DOUBLE).named("isi_cv")
                .required(PrimitiveTypeName.INT64).named("steps")
                .required(PrimitiveTypeName.DOUBLE).named("dt_s");
        if (sine) {
            b = b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("sine_population")
                    .optional(PrimitiveTypeName.INT32).named("sine_neuron");
            for (String c : List.of("sine_v_amplitude_v", "sine_i_amplitude_a", "sine_gain_ohm", "sine_lag_deg", "rc_gain_ohm", "rc_lag_deg")) {
                b = b.optional(PrimitiveTypeName.DOUBLE).named(c);
            }
        }
        return b.named("sweep");
    }

    /** {@code inputs.0.amplitude} -> {@code vary_inputs_0_amplitude}: a name Spark SQL takes without quotes. */
    static String column(VarySpec v) {
        return "vary_" + v.path().replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** A Parquet output file over the output folder's stream (the file is replaced with the rest of the set). */
    private record StreamFile(OutputStream out) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long pos;

                @Override
                public long getPos() { return pos; }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    pos += len;
                }

                @Override
                public void flush() throws IOException { out.flush(); }

                @Override
                public void close() throws IOException { out.flush(); } // the output folder closes the stream
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) { return create(blockSizeHint); }

        @Override
        public boolean supportsBlockSize() { return false; }

        @Override
        public long defaultBlockSize() { return 0; }
    }
}
