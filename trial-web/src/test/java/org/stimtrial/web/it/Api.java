package org.stimtrial.web.it;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the API tests: one user, JSON in and out, every call to 127.0.0.1. */
final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final String authorization;

    private Api(String authorization) {
        this.authorization = authorization;
    }

    static Api as(String user, String password) {
        return new Api("Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static Api bearer(String token) {
        return new Api("Bearer " + token);
    }

    static Api anonymous() {
        return new Api(null);
    }

    /**
     * A response: its status, content type and body. {@code body} is the text; for an Excel workbook (a zip) it is
     * the text of every part inside (cells, shared strings, charts), so text checks see what Excel would show.
     */
    record Reply(int status, String contentType, String body, byte[] bytes) {
        JsonValue json() {
            return parse(body);
        }

        static JsonValue parse(String text) {
            try (var reader = Json.createReader(new StringReader(text))) {
                JsonStructure s = reader.read();
                return s;
            }
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method, with a JSON body for POST and PUT. */
    Reply call(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        HttpRequest.Builder b = request(path).method(method, body);
        return send(json == null ? b : b.header("Content-Type", "application/json"));
    }

    /** The OpenAPI document as JSON. */
    Reply openApi() throws IOException, InterruptedException {
        return send(request("/openapi").header("Accept", "application/json").GET());
    }

    Reply delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    Reply put(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(PayaraMicroServer.baseUrl() + path))
                .timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        String type = r.headers().firstValue("Content-Type").orElse("");
        byte[] bytes = r.body();
        String text = type.contains("spreadsheetml") ? zipText(bytes)
                : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return new Reply(r.statusCode(), type, text, bytes);
    }

    private static String zipText(byte[] bytes) throws IOException {
        StringBuilder sb = new StringBuilder();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("download", ".xlsx");
        try {
            java.nio.file.Files.write(file, bytes);
            try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                for (var e : java.util.Collections.list(zip.entries())) {
                    try (var in = zip.getInputStream(e)) {
                        sb.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
                    }
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        if (sb.length() == 0) {
            throw new IOException("an Excel download with nothing in it");
        }
        return sb.toString();
    }
}
