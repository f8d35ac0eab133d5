package org.spikelane.cli.scenario;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.spikelane.Network;

/**
 * Calls {@code Network.connect(from, to, synapse, synapseParams, weight, delay, connect)}.
 * The engine method is being added in parallel with this CLI; looking it up reflectively keeps
 * the CLI compiling (and every scenario without projections running) until it lands.
 */
final class Projections {
    private static final Method CONNECT = find();

    private Projections() {}

    private static Method find() {
        try {
            return Network.class.getMethod("connect", String.class, String.class, String.class, Map.class,
                    Object.class, Object.class, Map.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static boolean available() { return CONNECT != null; }

    static void connect(Network net, String from, String to, String synapse, Map<String, ?> params,
                        Object weight, Object delay, Map<String, ?> connect) {
        if (CONNECT == null) throw new UnsupportedOperationException("projections are not available in this engine build yet");
        try {
            CONNECT.invoke(net, from, to, synapse, params, weight, delay, connect);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
