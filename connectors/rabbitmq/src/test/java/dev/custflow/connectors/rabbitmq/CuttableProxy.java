package dev.custflow.connectors.rabbitmq;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the broker whose connections a test cuts, as a network failure or a broker restart would:
 * the client sees its connection drop without having closed it. New connections are relayed again afterwards.
 */
final class CuttableProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String brokerHost;
    private final int brokerPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    CuttableProxy(String hostPort) throws IOException {
        String[] hp = hostPort.split(":");
        this.brokerHost = hp[0];
        this.brokerPort = Integer.parseInt(hp[1]);
        this.server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** @return an AMQP URI to the broker through this relay */
    String uri() {
        return "amqp://guest:guest@127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    client.close();
                    continue;
                }
                Socket broker = new Socket();
                broker.connect(new InetSocketAddress(brokerHost, brokerPort), 2_000);
                open.add(client);
                open.add(broker);
                pipe(client, broker);
                pipe(broker, client);
            } catch (IOException e) {
                // closed, or the broker is gone: the client sees its connection fail
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    /** Drops every relayed connection and refuses new ones, as a broker that went down. */
    void down() {
        down = true;
        cut();
    }

    /** Relays new connections again, as a broker that came back. */
    void up() {
        down = false;
    }

    /** Drops every relayed connection at once. */
    void cut() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
