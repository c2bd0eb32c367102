package dev.contactcard.bench;

/**
 * The three operations under load. Every server holds the same {@code seed} cards, numbered
 * {@code +15550000000} upwards; GET and PATCH cycle through them, POST creates numbers no server
 * has seen.
 */
enum Scenario {
    GET_BY_PHONE("GET by phone"),
    POST_NEW_NUMBER("POST of a new number"),
    PATCH("PATCH of a card");

    static final String PATH = "/api/partner/v3/contact_card";
    static final String API_KEY = "sandbox-rw-key";

    final String title;

    Scenario(String title) {
        this.title = title;
    }

    /** The E.164 number of seeded card {@code index}. */
    static String seeded(int index) {
        return String.format("+1555%07d", index);
    }

    /**
     * A number unique to one load run ({@code run}, below 1000), one generator thread (below
     * 100) and one request of it: never one of the seeded numbers, nor a test number.
     */
    static String fresh(int run, int thread, long request) {
        return String.format("+1%03d%02d%08d", 700 + run % 300, thread, request);
    }

    static String createBody(String phoneNumber) {
        return "{\"phone_number\":\"" + phoneNumber + "\",\"first_name\":\"Bench\",\"last_name\":\"Mark\"}";
    }

    static String updateBody(long request) {
        return "{\"last_name\":\"Patched " + request % 100 + "\"}";
    }
}
