"""Brian2's CUBA network (examples/CUBA.py; the model of examples/cuba.yaml) in cpp_standalone mode,
one thread, scaled to N neurons with 80 synapses per neuron (p = 80 / N), for timing against Spikelane.

Run with the Python that has Brian2 (Debian: /usr/bin/python3 after `apt-get install python3-brian`):
    /usr/bin/python3 bench/peers/cuba_brian2.py [--seed S] [--repeats R] N [N ...]
Prints one JSON line per N on stdout (progress goes to stderr).

Timings per N (seconds of wall time):
  build_s  code generation + g++ compilation + linking of the standalone project (device.build with
           run=False); excluded from the run time, as the issue asks.
  run_s    the simulation loop of 1 s simulated only: Brian2's own measurement of Network.run inside
           the compiled binary (results/last_run_info.txt, i.e. device._last_run_time). It includes
           the spike monitor's recording (Spikelane records spikes as well) and excludes process
           start, array allocation, initial values, synapse creation and writing the results.
  binary_s the whole binary run (process start to exit): run_s plus synapse creation and I/O.
  run_10s_s the same loop for 10 s simulated: a second project, built and run the same way
           (Brian2 cpp_standalone fixes the duration at code generation).
  steady_s one simulated second once running: (run_10s_s - run_s) / 9, which cancels what a run
           costs once (Brian2's compiled loop has no warm-up of its own beyond that).
  steady_cpu_s the same in CPU time: (binary CPU of the 10 s project - that of the 1 s one) / 9,
           user + system time of the binary's process (getrusage of the children). Both
           binaries build the same synapses and initial values, which cancel; what is left is
           nine simulated seconds of the loop, without the stretches the process waited for a
           core, so on a loaded machine it compares with Spikelane's run_cpu_s.
The binaries are run `repeats` times with the same seed (identical network and spikes); run_s and
run_10s_s are medians, run_min_s the minimum.
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time

try:
    import brian2
    from brian2 import (NeuronGroup, Synapses, SpikeMonitor, Network, device, set_device, prefs,
                        defaultclock, ms, mV, second, seed as brian_seed)
except ImportError:
    print("error: brian2 is not importable by %s; install it with `apt-get install python3-brian` "
          "(Debian/Ubuntu) and run this script with /usr/bin/python3" % sys.executable, file=sys.stderr)
    sys.exit(2)

DURATION_S = 1.0
LONG_DURATION_S = 10.0
SYNAPSES_PER_NEURON = 80

# examples/cuba.yaml (Brian2's CUBA.py): currents in volts, exponential decay
EQUATIONS = '''
dv/dt  = (ge + gi - (v - El)) / taum : volt (unless refractory)
dge/dt = -ge / taue : volt
dgi/dt = -gi / taui : volt
'''
NAMESPACE = dict(taum=20 * ms, taue=5 * ms, taui=10 * ms, El=-49 * mV, Vt=-50 * mV, Vr=-60 * mV,
                 we=1.62 * mV, wi=-9 * mV)


def build_network(n, rng_seed, duration_s):
    """The scaled CUBA network: 0.8 n excitatory then 0.2 n inhibitory, each pair with p = 80 / n."""
    brian_seed(rng_seed)
    p = SYNAPSES_PER_NEURON / n
    excitatory = n * 4 // 5
    group = NeuronGroup(n, EQUATIONS, threshold='v > Vt', reset='v = Vr', refractory=5 * ms,
                        method='exact', namespace=NAMESPACE)
    group.v = 'Vr + rand() * (Vt - Vr)'
    group.ge = 0 * mV
    group.gi = 0 * mV
    exc = Synapses(group, group, on_pre='ge += we', namespace=NAMESPACE)
    inh = Synapses(group, group, on_pre='gi += wi', namespace=NAMESPACE)
    exc.connect('i < %d' % excitatory, p=p)
    inh.connect('i >= %d' % excitatory, p=p)
    monitor = SpikeMonitor(group)
    net = Network(group, exc, inh, monitor)
    net.run(duration_s * second, namespace=NAMESPACE)
    return monitor, exc, inh


def measure(n, rng_seed, repeats, keep):
    one = run_project(n, rng_seed, repeats, keep, DURATION_S)
    ten = run_project(n, rng_seed, repeats, keep, LONG_DURATION_S)
    one['run_10s_s'] = ten['run_s']
    one['run_10s_all_s'] = ten['run_all_s']
    one['build_10s_s'] = ten['build_s']
    one['steady_s'] = round((ten['run_s'] - one['run_s']) / (LONG_DURATION_S - DURATION_S), 5)
    one['binary_cpu_10s_s'] = ten['binary_cpu_s']
    one['steady_cpu_s'] = round((ten['binary_cpu_s'] - one['binary_cpu_s']) / (LONG_DURATION_S - DURATION_S), 5)
    one['rate_10s_hz'] = ten['rate_hz']
    return one


def run_project(n, rng_seed, repeats, keep, duration_s):
    directory = tempfile.mkdtemp(prefix='cuba_brian2_%d_' % n)
    try:
        device.reinit()
        device.activate(build_on_run=False, directory=directory)
        prefs.devices.cpp_standalone.openmp_threads = 0  # one thread, no OpenMP
        defaultclock.dt = 0.1 * ms
        monitor, exc, inh = build_network(n, rng_seed, duration_s)

        start = time.perf_counter()
        device.build(directory=directory, compile=True, run=False, debug=False)
        build_s = time.perf_counter() - start

        run_times, binary_times, binary_cpu = [], [], []
        for _ in range(repeats):
            start = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            device.run(directory=directory, with_output=False, run_args=[])
            binary_times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            binary_cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            run_times.append(device._last_run_time)
            print("brian2 n=%d seed=%d %g s simulated: run %.4f s (binary %.3f s)" % (
                n, rng_seed, duration_s, run_times[-1], binary_times[-1]), file=sys.stderr)
        spikes = int(monitor.num_spikes)
        return {
            'peer': 'brian2', 'target': 'cpp_standalone', 'threads': 1, 'n': n, 'seed': rng_seed,
            'simulated_s': duration_s, 'synapses': int(len(exc) + len(inh)),
            'build_s': round(build_s, 3),
            'run_s': round(statistics.median(run_times), 5), 'run_min_s': round(min(run_times), 5),
            'run_all_s': [round(t, 5) for t in run_times],
            'binary_s': round(statistics.median(binary_times), 4),
            'binary_cpu_s': round(statistics.median(binary_cpu), 4),
            'rate_hz': round(spikes / n / duration_s, 4),
            'brian2': brian2.__version__,
        }
    finally:
        if not keep:
            shutil.rmtree(directory, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('sizes', nargs='+', type=int, help='numbers of neurons (multiples of 5)')
    parser.add_argument('--seed', type=int, default=1, help='Brian2 random seed (default 1)')
    parser.add_argument('--repeats', type=int, default=3, help='runs of the compiled binary (default 3)')
    parser.add_argument('--keep', action='store_true', help='keep the generated project directories')
    args = parser.parse_args()
    for n in args.sizes:
        if n < 100 or n % 5 != 0:
            parser.error('N must be a multiple of 5 and >= 100, got %d' % n)
    if args.repeats < 1:
        parser.error('--repeats must be >= 1, got %d' % args.repeats)
    set_device('cpp_standalone', build_on_run=False)
    for n in args.sizes:
        print(json.dumps(measure(n, args.seed, args.repeats, args.keep)), flush=True)


if __name__ == '__main__':
    main()
