package dev.contactcard.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Reads a success body with Jackson. An empty or unparseable body becomes a {@link
 * ContactCardInvalidDataException} (Feign wraps it in a {@code DecodeException};
 * {@link ContactCardClient} unwraps it).
 */
final class ContactCardDecoder implements Decoder {

  private final ObjectMapper objectMapper;

  ContactCardDecoder(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    byte[] bytes;
    if (response.body() == null) {
      bytes = new byte[0];
    } else {
      try (InputStream in = response.body().asInputStream()) {
        bytes = in.readAllBytes();
      }
    }
    String what = "HTTP " + response.status() + " answer to " + response.request().httpMethod();
    if (bytes.length == 0) {
      throw new ContactCardInvalidDataException(what + " has an empty body", null);
    }
    try {
      Object value = objectMapper.readValue(bytes, objectMapper.constructType(type));
      if (value == null) {
        throw new ContactCardInvalidDataException(what + " has a null body", null);
      }
      return value;
    } catch (JsonProcessingException e) {
      String snippet = new String(bytes, StandardCharsets.UTF_8).strip();
      if (snippet.length() > 200) {
        snippet = snippet.substring(0, 200) + "...";
      }
      throw new ContactCardInvalidDataException(
          what + " is not a valid " + simpleName(type) + ": " + snippet, e);
    }
  }

  private static String simpleName(Type type) {
    return type instanceof Class ? ((Class<?>) type).getSimpleName() : type.getTypeName();
  }
}
