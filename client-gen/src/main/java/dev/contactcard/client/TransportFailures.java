package dev.contactcard.client;

import feign.Request;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/** Turns an I/O failure of the transport into a connection or a timeout exception. */
final class TransportFailures {

    private TransportFailures() {}

    static ContactCardException translate(Throwable cause, Request request) {
        String target = request == null ? "the API" : request.httpMethod() + " " + withoutQuery(request.url());
        String reason = cause == null ? "unknown I/O failure" : cause.toString();
        // A read of the body that the transport's socket timeout cut short is a timeout too.
        if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
            return new ContactCardTimeoutException("Timed out calling " + target + ": " + reason, cause);
        }
        return new ContactCardConnectionException("Could not call " + target + ": " + reason, cause);
    }

    /** The query holds the phone number: keep it out of messages and logs of failures. */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
