"""Brian2 references for Spikelane's synapse tests (run: /usr/bin/python3 references.py; Brian2 2.5.1, numpy target).

cuba_rates.csv: mean rate (Hz) of Brian2's examples/CUBA.py network over 1 s, for several seeds.
coba_rates.csv: the same for the Vogels-Abbott COBA network (benchmark 1): conductances in units
                of g_L (we = 6 nS / 10 nS, wi = 67 nS / 10 nS), E_e 0 mV, E_i -80 mV, and a constant
                drive of 20 mV (I = 200 pA at R = 100 Mohm) as in Brian2's COBA benchmark script;
                exponential Euler (exact for g held over the step, as Spikelane integrates).
psp_exp.csv:    one neuron with CUBA's membrane and an exponential current (ge in volts), one
                input spike at 1 ms with weight 1.62 mV; v sampled at every step ('start' slot).
"""
from brian2 import *

prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms

taum = 20 * ms
taue = 5 * ms
taui = 10 * ms
Vt = -50 * mV
Vr = -60 * mV
El = -49 * mV
eqs = '''
dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
'''

with open('cuba_rates.csv', 'w') as out:
    out.write('seed,rate_hz\n')
    for s in range(1, 9):
        start_scope()
        seed(s)
        P = NeuronGroup(4000, eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * ms, method='exact')
        P.v = 'Vr + rand() * (Vt - Vr)'
        P.ge = 0 * mV
        P.gi = 0 * mV
        we = (60 * 0.27 / 10) * mV
        wi = (-20 * 4.5 / 10) * mV
        Ce = Synapses(P, P, on_pre='ge += we')
        Ci = Synapses(P, P, on_pre='gi += wi')
        Ce.connect('i<3200', p=0.02)
        Ci.connect('i>=3200', p=0.02)
        M = SpikeMonitor(P)
        run(1 * second)
        out.write('%d,%.4f\n' % (s, M.num_spikes / 4000.0))

coba_eqs = '''
dv/dt  = (ge*(Erev_exc-v)+gi*(Erev_inh-v)-(v-El) + I)*(1./taum) : volt (unless refractory)
dge/dt = -ge/taue : 1
dgi/dt = -gi/taui : 1
'''
with open('coba_rates.csv', 'w') as out:
    out.write('seed,rate_hz\n')
    for s in range(1, 9):
        start_scope()
        seed(s)
        El = -60 * mV
        Erev_exc = 0 * mV
        Erev_inh = -80 * mV
        I = 20 * mV
        P = NeuronGroup(4000, coba_eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * ms,
                        method='exponential_euler')
        P.v = 'Vr + rand() * (Vt - Vr)'
        Ce = Synapses(P, P, on_pre='ge += 0.6')
        Ci = Synapses(P, P, on_pre='gi += 6.7')
        Ce.connect('i<3200', p=0.02)
        Ci.connect('i>=3200', p=0.02)
        M = SpikeMonitor(P)
        run(1 * second)
        out.write('%d,%.4f\n' % (s, M.num_spikes / 4000.0))

start_scope()
El = -49 * mV
G = SpikeGeneratorGroup(1, [0], [1 * ms])
P = NeuronGroup(1, eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * ms, method='exact')
P.v = -60 * mV
El = -60 * mV
S = Synapses(G, P, on_pre='ge += 1.62*mV')
S.connect()
V = StateMonitor(P, ['v', 'ge'], record=0)
run(30 * ms)
with open('psp_exp.csv', 'w') as out:
    out.write('time_s,v_V,ge_V\n')
    for t, v, ge in zip(V.t / second, V.v[0] / volt, V.ge[0] / volt):
        out.write('%.6g,%.12g,%.12g\n' % (t, v, ge))
