package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small HTTP client for tests: real requests to a running service, JSON bodies parsed. */
public final class ApiClient {

    /** A response: status, content type and the body (parsed when it is JSON). */
    public record Response(int status, String contentType, String text, JsonNode json,
                           java.net.http.HttpHeaders headers) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String base;
    private final String token;

    /** A client sending no credentials. */
    public ApiClient(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same service, calling with this API token. */
    public ApiClient withToken(String apiToken) {
        return new ApiClient(base, apiToken);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
    }

    /** The raw body of a GET that must succeed (for images). */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> r = http.send(authorised(HttpRequest.newBuilder(URI.create(base + path)).GET()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + new String(r.body()));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body as the bytes sent, for comparing answers exactly (images included). */
    public record RawResponse(int status, String contentType, byte[] body) {
    }

    /** A GET whatever its status, the body kept as bytes. */
    public RawResponse getRaw(String path) {
        try {
            HttpResponse<byte[]> r = http.send(authorised(HttpRequest.newBuilder(URI.create(base + path)).GET()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new RawResponse(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response getAccepting(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
    }

    public Response post(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/geo+json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** Sends a request built by the caller (with its own headers), plus this client's token. */
    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(authorised(request).build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !r.body().isEmpty() ? mapper.readTree(r.body()) : null;
            return new Response(r.statusCode(), type, r.body(), json, r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
