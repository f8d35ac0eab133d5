package org.spikelane.spark;

import org.apache.spark.TaskContext;

/**
 * Failures on purpose, for the tests of Spark's retry: the system property
 * {@value #PROPERTY} = {@code first:R} fails the first attempt of run R, {@code always:R} every
 * attempt. Nothing sets the property but the tests (an executor in the tests' JVM sees it); unset,
 * this is one property lookup per task.
 */
final class TestFaults {
    static final String PROPERTY = "spikelane.spark.test.fail";

    private TestFaults() {}

    /** Called by a task after its run and its spike file: a failure here is one that has written output. */
    static void check(int run) {
        String fault = System.getProperty(PROPERTY);
        if (fault == null) return;
        TaskContext task = TaskContext.get();
        boolean first = fault.equals("first:" + run) && task != null && task.attemptNumber() == 0;
        if (first || fault.equals("always:" + run)) {
            throw new IllegalStateException("test fault " + fault + " (" + PROPERTY + ")");
        }
    }
}
