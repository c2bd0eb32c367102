package dev.contactcard.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * How much heap a provider running in this JVM holds while it is in the middle of answering one
 * "all cards" listing: the heap left after a full collection while a slow reader keeps the answer
 * half-sent, minus the heap left after a full collection before the request.
 *
 * <p>The reader is the JDK's HTTP client on loopback: it takes the status and the headers, then
 * stops reading the body. The provider's write blocks as soon as the kernel's buffers are full (the sender's
 * grows to 4 MiB at most here, {@code net.ipv4.tcp_wmem}; the reader's stays at its initial size
 * while nothing is read), which the measure waits for: a worker thread waiting in Tomcat's
 * blocking socket write. An answer of 10 MB (50,000 cards) is then still being produced. A provider that builds the whole list before writing it holds all of it
 * at that moment; one that streams holds a few buffers. Afterwards the rest is read and checked:
 * every card came, in ascending phone-number order.
 */
public final class HeapWhileListing {

    /** A card as the provider holds it: read from the database, and as the answer's model. */
    private static final List<String> CARD_CLASSES = List.of(
            "dev.contactcard.server.card.ContactCardRecord", "dev.contactcard.server.generated.model.ContactCard");

    private static final Duration BLOCKED_WRITE_DEADLINE = Duration.ofSeconds(20);

    private HeapWhileListing() {}

    /**
     * What one measured listing showed.
     *
     * @param retainedBytes the heap held half-way through, beyond what was held before
     * @param cardsAlive    the cards in the heap half-way through, as stored records or as answer models
     * @param cards         the cards the answer held
     * @param ascending     whether they came in ascending phone-number order
     */
    public record Measure(long retainedBytes, long cardsAlive, int cards, boolean ascending) {

        public double retainedMiB() {
            return retainedBytes / (1024.0 * 1024.0);
        }
    }

    /**
     * Lists all cards of the key's partner through the provider on {@code port}, counting the cards
     * in the heap half-way ({@link Measure#retainedBytes()} is not measured: 0).
     */
    public static Measure cardsAliveWhileListing(int port, String apiKey) throws IOException, InterruptedException {
        return listAllCards(port, apiKey, false);
    }

    /**
     * Lists all cards of the key's partner through the provider on {@code port} twice, measuring
     * the heap half-way through the second listing. The first one fills for good what any listing
     * fills once (the database's page cache, mapper and serializer caches, loaded classes), so
     * that only what a listing holds while it runs is counted.
     */
    public static Measure heapWhileListing(int port, String apiKey) throws IOException, InterruptedException {
        return listAllCards(port, apiKey, true);
    }

    private static Measure listAllCards(int port, String apiKey, boolean measureBytes)
            throws IOException, InterruptedException {
        HttpRequest listing = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + SpecValidatingClient.CARDS))
                .header("Authorization", "Bearer " + apiKey)
                .build();
        long before = 0;
        if (measureBytes) {
            HttpResponse<Void> warmUp =
                    HttpClient.newHttpClient().send(listing, HttpResponse.BodyHandlers.discarding());
            if (warmUp.statusCode() != 200) {
                throw new AssertionError("the first listing answered " + warmUp.statusCode());
            }
            before = heapAfterFullCollection();
        }
        // The JDK client hands the body over as a stream it fills only as it is read (and decodes
        // the chunked encoding): not reading it leaves the answer half-sent.
        HttpResponse<InputStream> answer =
                HttpClient.newHttpClient().send(listing, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                throw new AssertionError("the listing answered " + answer.statusCode());
            }

            awaitAWriteBlockedOnTheSlowReader();
            long cardsAlive = liveInstances(CARD_CLASSES);
            long retained = measureBytes ? heapAfterFullCollection() - before : 0;

            int cards = 0;
            boolean ascending = true;
            String previous = "";
            try (JsonParser json = JsonMapper.shared().createParser(body)) {
                for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                    if (token == JsonToken.PROPERTY_NAME && json.getString().equals("phone_number")) {
                        String number = json.nextStringValue();
                        ascending &= number.compareTo(previous) > 0;
                        previous = number;
                        cards++;
                    }
                }
            }
            return new Measure(retained, cardsAlive, cards, ascending);
        }
    }

    /**
     * The live instances of these classes: the JVM's class histogram (what {@code jcmd
     * GC.class_histogram} prints, which collects the heap first).
     */
    static long liveInstances(List<String> classNames) {
        String histogram;
        try {
            histogram = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
        } catch (JMException ex) {
            throw new IllegalStateException("this JVM gives no class histogram", ex);
        }
        long instances = 0;
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && classNames.contains(columns[3])) {
                instances += Long.parseLong(columns[1]);
            }
        }
        return instances;
    }

    /** The heap in use once a full collection has run. */
    private static long heapAfterFullCollection() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Waits until a thread waits in Tomcat's blocking write: the answer fills the kernel's buffers. */
    private static void awaitAWriteBlockedOnTheSlowReader() throws InterruptedException {
        long deadline = System.nanoTime() + BLOCKED_WRITE_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            for (Map.Entry<Thread, StackTraceElement[]> thread :
                    Thread.getAllStackTraces().entrySet()) {
                Thread.State state = thread.getKey().getState();
                if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                        && isInSocketWrite(thread.getValue())) {
                    return;
                }
            }
            Thread.sleep(5); // polling a condition of another thread, not waiting for time to pass
        }
        throw new AssertionError("no provider thread blocked writing the listing within " + BLOCKED_WRITE_DEADLINE);
    }

    private static boolean isInSocketWrite(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("org.apache.tomcat.util.net.")
                    && frame.getMethodName().equals("doWrite")) {
                return true;
            }
        }
        return false;
    }

    /** The status (under ":status") and the headers, names in lower case. */
}
