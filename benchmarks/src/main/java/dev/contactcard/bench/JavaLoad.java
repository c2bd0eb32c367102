package dev.contactcard.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;

/**
 * The load generator where wrk is not installed: one thread per connection, each sending its
 * next request as soon as the previous answer is read (closed loop, like wrk), over a plain
 * HTTP/1.1 keep-alive socket, so the generator costs little next to the server. Latencies go to
 * an HdrHistogram per connection.
 */
final class JavaLoad implements LoadGenerator {

    private final int connections;
    private final int seed;

    JavaLoad(int connections, int seed) {
        this.connections = connections;
        this.seed = seed;
    }

    /** What one connection measured. */
    private record Tally(Histogram latencies, long errorResponses, long socketErrors) {}

    @Override
    public LoadResult run(Scenario scenario, String baseUrl, int run, Duration duration) throws Exception {
        URI uri = URI.create(baseUrl);
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<Tally>> futures = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int connection = c;
                futures.add(pool.submit(() -> drive(scenario, address, run, connection, end)));
            }
            Histogram all = new Histogram(3);
            long errorResponses = 0;
            long socketErrors = 0;
            for (Future<Tally> future : futures) {
                Tally tally = future.get();
                all.add(tally.latencies());
                errorResponses += tally.errorResponses();
                socketErrors += tally.socketErrors();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new LoadResult(
                    all.getTotalCount(),
                    seconds,
                    all.getValueAtPercentile(50),
                    all.getValueAtPercentile(99),
                    errorResponses,
                    socketErrors);
        } finally {
            pool.shutdownNow();
        }
    }

    private Tally drive(Scenario scenario, InetSocketAddress address, int run, int connection, long end) {
        Histogram latencies = new Histogram(3);
        long errorResponses = 0;
        long socketErrors = 0;
        long request = 0;
        // Every connection sends at least one request, however late its thread starts: a window
        // that ends before the pool's threads ran (short windows on a busy machine) still measures
        // something rather than nothing.
        do {
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.connect(address, 2_000);
                socket.setSoTimeout(10_000);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream());
                InputStream in = new BufferedInputStream(socket.getInputStream());
                boolean open = true;
                while (open && (request == 0 || System.nanoTime() < end)) {
                    byte[] bytes = request(scenario, address, run, connection, request++);
                    long sent = System.nanoTime();
                    out.write(bytes);
                    out.flush();
                    Answer answer = Answer.read(in);
                    latencies.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                    if (answer.status() / 100 != 2) {
                        errorResponses++;
                    }
                    open = !answer.close();
                }
            } catch (IOException e) {
                socketErrors++;
            }
        } while (System.nanoTime() < end);
        return new Tally(latencies, errorResponses, socketErrors);
    }

    private byte[] request(Scenario scenario, InetSocketAddress address, int run, int connection, long request) {
        String host = address.getHostString() + ":" + address.getPort();
        int card = (int) ((request + connection * 7L) % seed);
        String text = switch (scenario) {
            case GET_BY_PHONE -> head("GET", query(card), host, null);
            case POST_NEW_NUMBER ->
                head("POST", Scenario.PATH, host, Scenario.createBody(Scenario.fresh(run, connection, request)));
            case PATCH -> head("PATCH", query(card), host, Scenario.updateBody(request));
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String query(int card) {
        return Scenario.PATH + "?phone_number=" + Scenario.seeded(card).replace("+", "%2B");
    }

    private static String head(String method, String target, String host, String body) {
        StringBuilder request = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append("\r\nAuthorization: Bearer ")
                .append(Scenario.API_KEY)
                .append("\r\nAccept: application/json\r\n");
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(body.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n\r\n")
                    .append(body);
        } else {
            request.append("\r\n");
        }
        return request.toString();
    }

    /** The status of an answer, read to its end, and whether the server closes the connection. */
    record Answer(int status, boolean close) {

        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
                        size > 0;
                        size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                    skip(in, size);
                    line(in);
                }
                while (!line(in).isEmpty()) {
                    // trailers
                }
            } else {
                skip(in, length);
            }
            return new Answer(status, close);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed mid-answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private static void skip(InputStream in, long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }
    }

    @Override
    public String describe() {
        return "Java load generator (HTTP/1.1 keep-alive sockets), " + connections + " connections";
    }
}
