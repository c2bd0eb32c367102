package dev.contactcard.server.card;

/**
 * The sandbox has no CDN: the image is "rehosted" at the URL it was given, which the card returns
 * unchanged.
 */
class SandboxImageRehoster implements ImageRehoster {

    @Override
    public String rehost(String partnerId, String sourceUrl) {
        return sourceUrl;
    }
}
