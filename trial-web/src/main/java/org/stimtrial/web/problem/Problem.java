package org.stimtrial.web.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem details body, with the extension members a client needs (field errors, current version). */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);

    private final Map<String, Object> members = new LinkedHashMap<>();

    private Problem(String kind, String title, int status, String detail) {
        members.put("type", "https://stimtrial.org/problems/" + kind);
        members.put("title", title);
        members.put("status", status);
        members.put("detail", detail);
    }

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(kind, title, status, detail);
    }

    public Problem with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    public Problem instance(String path) {
        members.put("instance", path);
        return this;
    }

    public int status() {
        return (Integer) members.get("status");
    }

    public Map<String, Object> members() {
        return Map.copyOf(members);
    }

    public Response toResponse() {
        return Response.status(status()).type(TYPE).entity(new LinkedHashMap<>(members)).build();
    }
}
