"""Brian2 reference for examples/seed-pulses.yaml (the forum scenario), integrated with method='exact'.

Eight unconnected LIF neurons, dv/dt = (R i_offset - v)/tau (unless refractory), with the
exponentially decaying pulse current of the forum answer,
di_offset/dt = (base_i_offset - i_offset)/tau_i, both integrated exactly by Brian2. The
per-neuron tau, Vr and Vt are the values Spikelane draws for the example (seed 7, Gaussian, 5 %
spread; v_reset and v_threshold as the float32 values it stores), R = tau / C, bias 20 nA. Every
500 ms a 10 nA pulse goes into one neuron, from a SpikeGeneratorGroup through Synapses as in the
forum answer; the neurons are the ones Spikelane's `random_neuron: true` picks (1, 1, 3, 3).

Timing: a SpikeGeneratorGroup spike at t_k is applied by the synapses after the state update of
step k, so i_offset jumps at t_{k+1}. Spikelane's event at step k starts the pulse at t_k (it is in
the current of step k), so the generator fires one dt early: the pulse starts at 500 ms in both.

Run:  python3 seed_pulses_exact.py   (Brian2 2.5.1, numpy target; writes both files beside it)
seed_pulses_exact_spikes.csv: neuron,step (step = round(t / dt) of each spike, Brian2's spike time t),
  by step then neuron.
seed_pulses_exact_v.csv: neuron,step,v_V of the pulsed neuron every 2 steps over the 5 ms from each
  pulse (v at the start of the step, as Spikelane records it), to 9 significant digits. The
  pulse's 2.5 % (dt / tau = 0.05) shows here as 10-40 uV even where no spike moves a step.
"""
import numpy as np
import os
from brian2 import (NeuronGroup, SpikeGeneratorGroup, Synapses, SpikeMonitor, StateMonitor, Network,
                    defaultclock, prefs, ms, mV, nA, nF, second, volt)

prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms
duration = 2100 * ms

tau_m = np.array([0.010599713507831877, 0.009670292099540598, 0.009767130048156925, 0.010496186624382271,
                  0.009440808976547357, 0.010181814138297038, 0.009866680147503163, 0.010106398539946463]) * second
v_reset = np.array([0.0050153108313679695, 0.004982462618499994, 0.005150194745510817, 0.0046134935691952705,
                    0.005085731390863657, 0.0053157685324549675, 0.004975958727300167, 0.004583114758133888]) * 1000 * mV
v_threshold = np.array([0.01989799365401268, 0.019287051633000374, 0.019923880696296692, 0.019728578627109528,
                        0.02049945294857025, 0.021297380328178406, 0.02205268107354641, 0.01921972632408142]) * 1000 * mV
capacitance = 8 * nF
pulsed = [1, 1, 3, 3]

tau_i = 2 * ms
base_i_offset = 20 * nA
eqs = """
R : ohm
di_offset/dt = (base_i_offset - i_offset)/tau_i : amp
tau : second
Vr : volt
Vt : volt
dv/dt = (R*i_offset-v)/tau : volt (unless refractory)
"""
N = NeuronGroup(8, eqs, threshold='v > Vt', reset='v = Vr', refractory=2 * ms, method='exact', name='neurons')
N.tau = tau_m
N.Vr = v_reset
N.Vt = v_threshold
N.R = N.tau / capacitance
N.i_offset = base_i_offset
N.v = 0 * mV

times = 500 * ms * (np.arange(len(pulsed)) + 1) - defaultclock.dt
spike_trigger = SpikeGeneratorGroup(8, pulsed, times)
trigger = Synapses(spike_trigger, N, on_pre='i_offset += 10*nA')
trigger.connect(j='i')
spikes = SpikeMonitor(N)
voltage = StateMonitor(N, 'v', record=sorted(set(pulsed)))

net = Network(N, spike_trigger, trigger, spikes, voltage)
net.run(duration)

here = os.path.dirname(os.path.abspath(__file__))
steps = np.rint(np.asarray(spikes.t / defaultclock.dt)).astype(int)
order = np.lexsort((np.asarray(spikes.i), steps))
with open(os.path.join(here, 'seed_pulses_exact_spikes.csv'), 'w') as f:
    f.write('neuron,step\n')
    for k in order:
        f.write('%d,%d\n' % (spikes.i[k], steps[k]))

sample_steps = np.rint(np.asarray(voltage.t / defaultclock.dt)).astype(int)
with open(os.path.join(here, 'seed_pulses_exact_v.csv'), 'w') as f:
    f.write('neuron,step,v_V\n')
    for pulse, neuron in enumerate(pulsed):
        start = 5000 * (pulse + 1)
        row = sorted(set(pulsed)).index(neuron)
        for s in range(start, start + 50, 2):
            f.write('%d,%d,%.9g\n' % (neuron, s, voltage.v[row][s] / volt))
