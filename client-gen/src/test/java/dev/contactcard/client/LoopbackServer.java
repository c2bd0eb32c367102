package dev.contactcard.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that counts every request the moment its headers and body
 * arrive, before deciding how to answer, so that a request it never answers (a reset, a stall)
 * still counts. WireMock journals a request only once it has answered it, which is why the attempt
 * counts are taken here. Each request is handed to a {@link Handler}, which may answer, reset the
 * connection, or stall until the test ends.
 */
final class LoopbackServer implements AutoCloseable {

    /** One request as it reached the server. */
    record Received(String method, String target, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What the server does with the request number {@code index} (0-based). */
    interface Handler {
        Action handle(int index, Received request);
    }

    /** An answer, a reset, or a stall. */
    static final class Action {
        final int status;
        final String body;
        final boolean reset;
        final boolean stall;

        private Action(int status, String body, boolean reset, boolean stall) {
            this.status = status;
            this.body = body;
            this.reset = reset;
            this.stall = stall;
        }

        static Action answer(int status, String body) {
            return new Action(status, body, false, false);
        }

        /** Closes the connection with a TCP reset before sending a single byte. */
        static Action reset() {
            return new Action(0, null, true, false);
        }

        /** Never answers; the connection stays open until the server is closed. */
        static Action stall() {
            return new Action(0, null, false, true);
        }
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> connections = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closed = new CountDownLatch(1);
    private final java.util.concurrent.Semaphore endedByTheClient = new java.util.concurrent.Semaphore(0);

    LoopbackServer(Handler handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::acceptLoop, "loopback-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/api/partner";
    }

    /** The requests received so far, in order. */
    List<Received> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    int count() {
        return received.size();
    }

    /** Whether the client closed one of its connections within {@code timeout} (bounded wait, never a sleep). */
    boolean clientClosedAConnectionWithin(java.time.Duration timeout) throws InterruptedException {
        return endedByTheClient.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread worker = new Thread(() -> serve(connection), "loopback-server-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closedOrFailed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                Received request = read(in);
                if (request == null) {
                    endedByTheClient.release();
                    return;
                }
                int index;
                synchronized (received) {
                    index = received.size();
                    received.add(request);
                }
                Action action = handler.handle(index, request);
                if (action.reset) {
                    connection.setSoLinger(true, 0);
                    return;
                }
                if (action.stall) {
                    closed.await(30, TimeUnit.SECONDS);
                    return;
                }
                byte[] body = action.body == null ? new byte[0] : action.body.getBytes(StandardCharsets.UTF_8);
                String head = "HTTP/1.1 " + action.status + " X\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException | InterruptedException ignored) {
            // The client went away, or the test is over.
        }
    }

    /** One request, or {@code null} at the end of the connection. */
    private static Received read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b;
            try {
                b = in.read();
            } catch (SocketException reset) {
                return null;
            }
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Received(requestLine[0], requestLine[1], headers, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
        synchronized (connections) {
            for (Socket connection : connections) {
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
