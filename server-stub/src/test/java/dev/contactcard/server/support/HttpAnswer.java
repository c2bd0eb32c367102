package dev.contactcard.server.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP answer as the tests read it, whether {@link SpecValidatingClient} or {@link RawHttp} sent the request. */
public interface HttpAnswer {

    int status();

    String body();

    /** The first value of a header, or {@code null}. */
    String header(String name);

    default JsonNode json() {
        return Json.MAPPER.readTree(body());
    }

    /** {@code error.code} of an error envelope. */
    default int errorCode() {
        return json().path("error").path("code").asInt();
    }

    /** Holder of the mapper (interfaces cannot have private fields). */
    final class Json {
        private static final JsonMapper MAPPER = JsonMapper.builder().build();

        private Json() {}
    }
}
