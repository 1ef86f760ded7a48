package io.motcrm.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for tests' own servers (fault proxies, stubs), chosen free on the loopback interface. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A loopback port that was free a moment ago. */
    public static int next() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
