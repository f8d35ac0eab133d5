package org.spikelane.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.spikelane.cli.sweep.RunSpec;

/**
 * {@code spikes.parquet}: every run's spikes, partitioned by point ({@code point=K/run-R.parquet};
 * Spark and pandas read the folder name back as the column {@code point}). Columns:
 * {@code population}, {@code neuron}, {@code time_s} (the step times of spikes.csv), {@code step},
 * {@code run}, {@code replicate}, {@code seed}; {@code point} and {@code replicate} join it to sweep.parquet.
 *
 * <p>Why a failed attempt leaves nothing: an attempt writes its file under {@code _attempts/}
 * with its own Spark attempt id in the name, and only the driver moves a file into its
 * {@code point=K} folder, for the one attempt whose result it received; then it deletes
 * {@code _attempts/} with whatever failed attempts wrote. The folder itself sits in the output
 * folder's temporary folder until the whole output set is committed.
 */
final class SpikeFiles {
    static final String ATTEMPTS = "_attempts";

    private static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("population")
            .required(PrimitiveTypeName.INT32).named("neuron")
            .required(PrimitiveTypeName.DOUBLE).named("time_s")
            .required(PrimitiveTypeName.INT64).named("step")
            .required(PrimitiveTypeName.INT32).named("run")
            .required(PrimitiveTypeName.INT32).named("replicate")
            .required(PrimitiveTypeName.INT64).named("seed")
            .named("spikes");

    private SpikeFiles() {}

    /** Writes one attempt's spikes under {@code _attempts/}; returns the file's name relative to {@code folder}. */
    static String writeAttempt(Path folder, RunSpec spec, long seed, double dt, long attemptId, SpikeRows rows) {
        String name = ATTEMPTS + "/run-" + spec.run() + "-attempt-" + attemptId + ".parquet";
        Path file = folder.resolve(name);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        // time_s as spikes.csv prints it: step x dt in decimals, so 0.1 ms steps give 0.0123, not 0.012300000000000002
        BigDecimal step = new BigDecimal(Double.toString(dt));
        try {
            Files.createDirectories(file.getParent());
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
                    .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
                for (int row = 0; row < rows.count(); row++) {
                    long t = rows.step(row);
                    w.write(groups.newGroup().append("population", rows.population(row)).append("neuron", rows.neuron(row))
                            .append("time_s", step.multiply(BigDecimal.valueOf(t)).doubleValue()).append("step", t)
                            .append("run", spec.run()).append("replicate", spec.replicate()).append("seed", seed));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("spikes.parquet: cannot write " + file + " (" + e.getMessage() + ")", e);
        }
        return name;
    }

    /** On the driver, after every task succeeded: the received attempts' files into place, the rest deleted. */
    static void commit(Path folder, List<RunSpec> specs, List<RunResult> results) throws IOException {
        for (RunResult r : results) {
            RunSpec spec = specs.get(r.stats().run());
            Path to = folder.resolve("point=" + spec.point()).resolve("run-" + spec.run() + ".parquet");
            Files.createDirectories(to.getParent());
            Files.move(folder.resolve(r.spikeFile()), to, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(folder.resolve(ATTEMPTS));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
