package dev.contactcard.server.support;

import dev.contactcard.server.card.ImageRehoster;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake CDN: records every upload and hosts image n at {@code https://cdn.test/images/<n>}. */
public class RecordingImageRehoster implements ImageRehoster {

    private final List<String> uploads = new CopyOnWriteArrayList<>();

    @Override
    public String rehost(String partnerId, String sourceUrl) {
        uploads.add(sourceUrl);
        return "https://cdn.test/images/" + uploads.size();
    }

    /** The source URLs uploaded so far, in order. */
    public List<String> uploads() {
        return List.copyOf(uploads);
    }

    public void clear() {
        uploads.clear();
    }
}
