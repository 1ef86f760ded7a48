package io.motcrm.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 for fault injection between two processes under test. Modes:
 * <ul>
 * <li>{@link Mode#UP}: forwards both ways;</li>
 * <li>{@link Mode#DOWN}: not listening, so connections are refused, as with a stopped service;</li>
 * <li>{@link Mode#DROP_RESPONSES}: forwards the request, then cuts the connection as the response
 * starts, so the upstream did the work but the caller never hears of it;</li>
 * <li>{@link Mode#BLACKHOLE}: accepts and never answers, as with a hung service.</li>
 * </ul>
 * The listening port stays the same across modes.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Mode {
        UP, DOWN, DROP_RESPONSES, BLACKHOLE
    }

    private final int upstreamPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Mode mode;
    private volatile ServerSocket server;

    private FaultProxy(int port, int upstreamPort) {
        this.port = port;
        this.upstreamPort = upstreamPort;
    }

    /** Starts a proxy on a free port in the given mode. */
    public static FaultProxy to(int upstreamPort, Mode mode) {
        return on(FreePorts.next(), upstreamPort, mode);
    }

    /** Starts a proxy on a given port in the given mode. */
    public static FaultProxy on(int port, int upstreamPort, Mode mode) {
        FaultProxy proxy = new FaultProxy(port, upstreamPort);
        proxy.mode(mode);
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    public synchronized void mode(Mode next) {
        this.mode = next;
        if (next == Mode.DOWN) {
            stopListening();
            open.forEach(FaultProxy::closeQuietly);
        } else if (server == null) {
            listen();
        }
    }

    @Override
    public synchronized void close() {
        mode = Mode.DOWN;
        stopListening();
        open.forEach(FaultProxy::closeQuietly);
    }

    private void listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            Thread acceptor = new Thread(() -> accept(socket), "fault-proxy-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on " + port, e);
        }
    }

    private void stopListening() {
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                open.add(client);
                Mode current = mode;
                if (current == Mode.BLACKHOLE) {
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, current == Mode.DROP_RESPONSES);
            } catch (IOException e) {
                // closed while accepting, or upstream refused: the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to, boolean cutOnFirstByte) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (cutOnFirstByte) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
