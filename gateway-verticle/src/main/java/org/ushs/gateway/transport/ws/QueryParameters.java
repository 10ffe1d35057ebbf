package org.ushs.gateway.transport.ws;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/** The parameters of an upgrade request's query, decoded as the HTTP server decodes them. */
public final class QueryParameters {

  private QueryParameters() {}

  /** By name, each with its values in order; {@code rawQuery} may be null (no parameters). */
  public static Map<String, List<String>> parse(String rawQuery) {
    return new QueryStringDecoder(rawQuery == null ? "" : rawQuery, false).parameters();
  }
}
