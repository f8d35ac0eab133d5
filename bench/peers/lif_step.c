/*
 * The C peer of Spikelane's float32 LIF step (issue 10): the work of VectorLifKernel on the
 * current path, on LifState's layout, for the population of bench's LifFixture, so that
 * bench/peers/lif_step.sh can put its time next to LifStepBenchmark's in one run.
 *
 * Per neuron and step, as Spikelane does it (heterogeneous parameters, one float array each):
 *   I      = current[i] + bias                     (the bias input, fused into the loop here)
 *   v_inf  = fma(R[i], I, E_L[i])
 *   v_new  = fma(v[i] - v_inf, decay[i], v_inf) + dv[i]
 *   current[i] = 0, dv[i] = 0                      (the accumulators are consumed; the vector
 *                                                   kernels store the zeros only in lane groups
 *                                                   where either is not zero already, as
 *                                                   Spikelane's loops do since issue 10)
 *   refractory (left[i] > 0): v = v_reset, left -= 1
 *   else if v_new > threshold[i]: v = v_reset, left = hold[i], append i to the spike list
 *   else v = v_new
 * The same arrays are read and written: 9 streams in (current, R, E_L, decay, v, dv, left,
 * threshold, v_reset; hold only where a spike happens), 4 out (v, current, dv, left).
 *
 * Kernels (all timed; "fused" is the peer the issue asks for):
 *   fused     AVX-512 intrinsics, bias added inside the LIF loop (one pass over the arrays)
 *   twopass   AVX-512 intrinsics, bias added in its own pass first, as Spikelane's bias input does
 *   scalar    the plain loop (gcc may auto-vectorise what it can), also the reference the two
 *             vector kernels are checked against bit for bit before anything is timed
 *   streams   a yardstick, not a kernel: the same 9 load and 4 store streams over the same
 *             arrays, with no arithmetic between them beyond the adds that feed each store
 *
 * Usage: lif_step [--seconds S] [--rounds R] [--firing 0.1%|5%] N [N ...]
 * Prints one JSON line per N and kernel on stdout: wall time and this thread's CPU time per
 * neuron-step of each round (the CPU time leaves out the stretches a loaded machine kept the
 * thread waiting for a core).
 *
 * Build: gcc -O3 -march=native -o lif_step lif_step.c -lm   (no -ffast-math: the fma and
 * compare order must stay as written so the self-check can demand identical bits)
 */
#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LANES 16
#define DT 1e-4

typedef struct {
    int n, padded;
    float *v, *current, *dv, *resistance, *rest, *decay, *threshold, *reset;
    int *left, *hold;
    int *spikes;
} Population;

/* splitmix64: a small, well-known generator; only the population's spread depends on it */
static uint64_t rng_state;
static double next_double(void) {
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return (double)(z >> 11) * 0x1.0p-53;
}

static void *aligned(size_t count, size_t size) {
    void *p = aligned_alloc(64, (count * size + 63) / 64 * 64);
    if (!p) { fprintf(stderr, "lif_step: out of memory\n"); exit(1); }
    memset(p, 0, count * size);
    return p;
}

/*
 * LifFixture's population: tau_m in [10, 30] ms, R in [8, 12] Mohm, threshold in [-52, -46] mV,
 * E_L -70 mV, v_reset -65 mV, t_ref 2 ms (hold 19 steps, as round(t_ref / dt) - 1), each neuron
 * put at a random point of its steady cycle under the drive (LifFixture.settle), padding lanes
 * unable to spike (threshold +inf).
 */
static Population population(int n, double amperes) {
    Population p;
    p.n = n;
    p.padded = (n + LANES - 1) / LANES * LANES;
    int m = p.padded;
    p.v = aligned(m, 4); p.current = aligned(m, 4); p.dv = aligned(m, 4);
    p.resistance = aligned(m, 4); p.rest = aligned(m, 4); p.decay = aligned(m, 4);
    p.threshold = aligned(m, 4); p.reset = aligned(m, 4);
    p.left = aligned(m, 4); p.hold = aligned(m, 4); p.spikes = aligned(m, 4);
    rng_state = 42;
    for (int i = 0; i < m; i++) {
        p.threshold[i] = INFINITY;
        p.decay[i] = 1.0f;
    }
    for (int i = 0; i < n; i++) {
        double tau = 10e-3 + 20e-3 * next_double();
        double r = 8e6 + 4e6 * next_double();
        double threshold = -52e-3 + 6e-3 * next_double();
        (void)next_double(); /* LifFixture draws an initial v here; settle replaces it */
        p.resistance[i] = (float)r;
        p.rest[i] = -70e-3f;
        p.decay[i] = (float)exp(-DT / tau);
        p.threshold[i] = (float)threshold;
        p.reset[i] = -65e-3f;
        p.hold[i] = 19;
    }
    rng_state = 43;
    for (int i = 0; i < n; i++) {
        double v_inf = p.rest[i] + p.resistance[i] * amperes;
        double reset = p.reset[i], threshold = p.threshold[i], decay = p.decay[i];
        p.left[i] = 0;
        if (v_inf <= threshold) { p.v[i] = (float)v_inf; continue; }
        int rise = (int)ceil(log((threshold - v_inf) / (reset - v_inf)) / log(decay));
        int period = p.hold[i] + 1 + (rise > 1 ? rise : 1);
        int phase = (int)(next_double() * period);
        if (phase < p.hold[i]) {
            p.v[i] = (float)reset;
            p.left[i] = p.hold[i] - phase;
        } else {
            p.v[i] = (float)(v_inf + (reset - v_inf) * pow(decay, phase - p.hold[i]));
        }
    }
    return p;
}

/* The plain loop: the reference for the vector kernels' bits. */
static int step_scalar(Population *p, float bias) {
    int count = 0;
    for (int i = 0; i < p->n; i++) {
        float current = p->current[i] + bias;
        float v_inf = fmaf(p->resistance[i], current, p->rest[i]);
        float v_new = fmaf(p->v[i] - v_inf, p->decay[i], v_inf) + p->dv[i];
        p->current[i] = 0.0f;
        p->dv[i] = 0.0f;
        if (p->left[i] > 0) {
            p->v[i] = p->reset[i];
            p->left[i]--;
        } else if (v_new > p->threshold[i]) {
            p->v[i] = p->reset[i];
            p->left[i] = p->hold[i];
            p->spikes[count++] = i;
        } else {
            p->v[i] = v_new;
        }
    }
    return count;
}

/* One lane group of the LIF update, `drive` added to `current`; returns the new count. */
static inline __attribute__((always_inline)) int lif_group(Population *p, int i, __m512 drive, int count) {
    const __m512 zero = _mm512_setzero_ps();
    __m512 in = _mm512_load_ps(p->current + i), dv = _mm512_load_ps(p->dv + i);
    /* the accumulators are cleared only where something arrived (Spikelane's VectorCurrentLoops) */
    __m512i any = _mm512_or_si512(_mm512_castps_si512(in), _mm512_castps_si512(dv));
    if (_mm512_test_epi32_mask(any, any)) {
        _mm512_store_ps(p->current + i, zero);
        _mm512_store_ps(p->dv + i, zero);
    }
    __m512 v_inf = _mm512_fmadd_ps(_mm512_load_ps(p->resistance + i), _mm512_add_ps(in, drive), _mm512_load_ps(p->rest + i));
    __m512 v = _mm512_load_ps(p->v + i);
    __m512 v_new = _mm512_add_ps(_mm512_fmadd_ps(_mm512_sub_ps(v, v_inf), _mm512_load_ps(p->decay + i), v_inf), dv);
    __m512i left = _mm512_load_si512(p->left + i);
    __mmask16 hold = _mm512_cmpgt_epi32_mask(left, _mm512_setzero_si512());
    __mmask16 crossed = _mm512_cmp_ps_mask(v_new, _mm512_load_ps(p->threshold + i), _CMP_GT_OQ);
    __mmask16 spike = crossed & (__mmask16)~hold;
    _mm512_store_ps(p->v + i, _mm512_mask_blend_ps(spike | hold, v_new, _mm512_load_ps(p->reset + i)));
    left = _mm512_mask_sub_epi32(left, hold, left, _mm512_set1_epi32(1));
    if (spike) {
        left = _mm512_mask_load_epi32(left, spike, p->hold + i);
        unsigned bits = spike;
        while (bits) {
            p->spikes[count++] = i + __builtin_ctz(bits);
            bits &= bits - 1;
        }
    }
    _mm512_store_si512(p->left + i, left);
    return count;
}

static int step_fused(Population *p, float bias) {
    const __m512 drive = _mm512_set1_ps(bias);
    int count = 0;
    for (int i = 0; i < p->padded; i += LANES) {
        count = lif_group(p, i, drive, count);
    }
    return count;
}

static int step_twopass(Population *p, float bias) {
    const __m512 drive = _mm512_set1_ps(bias);
    /* the bias input's pass (Spikelane adds it to n neurons, not to the padding) */
    int i = 0;
    for (; i + LANES <= p->n; i += LANES) {
        _mm512_store_ps(p->current + i, _mm512_add_ps(_mm512_load_ps(p->current + i), drive));
    }
    for (; i < p->n; i++) p->current[i] += bias;
    int count = 0;
    for (i = 0; i < p->padded; i += LANES) {
        count = lif_group(p, i, _mm512_setzero_ps(), count);
    }
    return count;
}

/*
 * The yardstick: the kernel's own 9 load and 4 store streams over the population's own arrays
 * (the same bytes), each store fed by an add of the loads assigned to it and nothing else, so
 * no lane group waits on another and no value feeds back within a step. Only the memory
 * traffic of the kernel is left; the population's values are ruined (it is not stepped after).
 */
static int step_streams(Population *p, float bias) {
    (void)bias;
    const __m512i one = _mm512_set1_epi32(1);
    for (int i = 0; i < p->padded; i += LANES) {
        __m512 current = _mm512_add_ps(_mm512_load_ps(p->current + i), _mm512_load_ps(p->resistance + i));
        __m512 dv = _mm512_add_ps(_mm512_load_ps(p->dv + i),
                                  _mm512_add_ps(_mm512_load_ps(p->rest + i), _mm512_load_ps(p->decay + i)));
        __m512 v = _mm512_add_ps(_mm512_load_ps(p->v + i),
                                 _mm512_add_ps(_mm512_load_ps(p->threshold + i), _mm512_load_ps(p->reset + i)));
        __m512i left = _mm512_add_epi32(_mm512_load_si512(p->left + i), one);
        _mm512_store_ps(p->current + i, current);
        _mm512_store_ps(p->dv + i, dv);
        _mm512_store_ps(p->v + i, v);
        _mm512_store_si512(p->left + i, left);
    }
    return 0;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* CPU time of this thread: what a round costs without the stretches it waited for a core. */
static double cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static double median_of(const double *values, int count) {
    double sorted[64];
    memcpy(sorted, values, sizeof(double) * count);
    qsort(sorted, count, sizeof(double), cmp_double);
    return count % 2 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
}

static double min_of(const double *values, int count) {
    double m = values[0];
    for (int k = 1; k < count; k++) if (values[k] < m) m = values[k];
    return m;
}

static int compare(const Population *a, const Population *b, int count_a, int count_b, const char *name, int step) {
    if (count_a != count_b || memcmp(a->spikes, b->spikes, sizeof(int) * count_a) != 0
            || memcmp(a->v, b->v, sizeof(float) * a->n) != 0 || memcmp(a->left, b->left, sizeof(int) * a->n) != 0) {
        fprintf(stderr, "lif_step: %s kernel differs from the scalar loop at step %d (n=%d)\n", name, step, a->n);
        return 0;
    }
    return 1;
}

/* Every vector kernel against the scalar loop, bit for bit, on sizes that are not multiples of 16. */
static void self_check(double amperes) {
    const int sizes[] = {1, 15, 17, 1003};
    for (unsigned k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        Population ref = population(sizes[k], amperes), fused = population(sizes[k], amperes),
                   two = population(sizes[k], amperes);
        long spikes = 0;
        for (int step = 0; step < 2000; step++) {
            int c = step_scalar(&ref, (float)amperes);
            spikes += c;
            if (!compare(&fused, &ref, step_fused(&fused, (float)amperes), c, "fused", step)
                    || !compare(&two, &ref, step_twopass(&two, (float)amperes), c, "twopass", step)) {
                exit(1);
            }
        }
        if (sizes[k] == 1003 && spikes == 0) {
            fprintf(stderr, "lif_step: self-check population never spiked; the check proves nothing\n");
            exit(1);
        }
    }
}

typedef int (*Kernel)(Population *, float);

static void measure(const char *name, Kernel kernel, int n, double amperes, const char *firing,
                    double seconds, int rounds) {
    Population p = population(n, amperes);
    float bias = (float)amperes;
    /* calibrate: steps per round for about `seconds` */
    long steps = 1;
    for (;;) {
        double t0 = now();
        for (long s = 0; s < steps; s++) kernel(&p, bias);
        double t = now() - t0;
        if (t > 0.05) { steps = (long)(steps * seconds / t) + 1; break; }
        steps *= 4;
    }
    double ns[64] = {0}, cpu[64] = {0};
    long spikes = 0, total = 0;
    if (rounds > 64) rounds = 64;
    for (int r = 0; r < rounds; r++) {
        double t0 = now(), c0 = cpu_now();
        for (long s = 0; s < steps; s++) spikes += kernel(&p, bias);
        cpu[r] = (cpu_now() - c0) * 1e9 / ((double)steps * n);
        ns[r] = (now() - t0) * 1e9 / ((double)steps * n);
        total += steps;
    }
    printf("{\"peer\": \"c\", \"kernel\": \"%s\", \"n\": %d, \"firing\": \"%s\", \"ns_per_neuron_step\": %.5f, "
           "\"min_ns_per_neuron_step\": %.5f, \"cpu_ns_per_neuron_step\": %.5f, \"min_cpu_ns_per_neuron_step\": %.5f, "
           "\"rounds\": %d, \"steps_per_round\": %ld, \"spikes_per_neuron_step\": %.5f, \"all\": [",
           name, n, firing, median_of(ns, rounds), min_of(ns, rounds), median_of(cpu, rounds), min_of(cpu, rounds),
           rounds, steps, (double)spikes / ((double)total * n));
    for (int r = 0; r < rounds; r++) printf("%s%.5f", r ? ", " : "", ns[r]);
    printf("], \"all_cpu\": [");
    for (int r = 0; r < rounds; r++) printf("%s%.5f", r ? ", " : "", cpu[r]);
    printf("]}\n");
    fflush(stdout);
}

int main(int argc, char **argv) {
    double seconds = 0.4;
    int rounds = 5;
    const char *firing = "0.1%";
    int sizes[32], count = 0;
    for (int k = 1; k < argc; k++) {
        if (!strcmp(argv[k], "--seconds") && k + 1 < argc) seconds = atof(argv[++k]);
        else if (!strcmp(argv[k], "--rounds") && k + 1 < argc) rounds = atoi(argv[++k]);
        else if (!strcmp(argv[k], "--firing") && k + 1 < argc) firing = argv[++k];
        else if (count < 32 && atoi(argv[k]) > 0) sizes[count++] = atoi(argv[k]);
        else { fprintf(stderr, "lif_step: unexpected argument '%s' (N must be a positive integer)\n", argv[k]); return 2; }
    }
    /* the two drives of LifFixture.current */
    double amperes;
    if (!strcmp(firing, "0.1%")) amperes = 2.05e-9;
    else if (!strcmp(firing, "5%")) amperes = 150e-9;
    else { fprintf(stderr, "lif_step: --firing must be 0.1%% or 5%%, got '%s'\n", firing); return 2; }
    if (count == 0 || rounds < 1 || !(seconds > 0)) {
        fprintf(stderr, "usage: lif_step [--seconds S > 0] [--rounds R >= 1] [--firing 0.1%%|5%%] N [N ...]\n");
        return 2;
    }
    self_check(amperes);
    for (int k = 0; k < count; k++) {
        measure("fused", step_fused, sizes[k], amperes, firing, seconds, rounds);
        measure("twopass", step_twopass, sizes[k], amperes, firing, seconds, rounds);
        measure("scalar", step_scalar, sizes[k], amperes, firing, seconds, rounds);
        measure("streams", step_streams, sizes[k], amperes, firing, seconds, rounds);
    }
    return 0;
}
