package io.switchboard.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A REST caller signed in with HTTP Basic (or anonymous) that never throws on an error status. */
public final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RestClient client;

    private Api(RestClient client) {
        this.client = client;
    }

    public static Api anonymous(int port) {
        return new Api(RestClient.builder().baseUrl("http://localhost:" + port).build());
    }

    public static Api as(int port, String username, String password) {
        return new Api(RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, basic(username, password)).build());
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null, MediaType.APPLICATION_JSON);
    }

    public Response post(String path, String json) {
        return exchange(HttpMethod.POST, path, json, MediaType.APPLICATION_JSON);
    }

    public Response put(String path, String json) {
        return exchange(HttpMethod.PUT, path, json, MediaType.APPLICATION_JSON);
    }

    public Response patch(String path, String json) {
        return exchange(HttpMethod.PATCH, path, json, MediaType.APPLICATION_JSON);
    }

    public Response post(String path, String body, MediaType type) {
        return exchange(HttpMethod.POST, path, body, type);
    }

    public Response exchange(HttpMethod method, String path, String body, MediaType type) {
        var request = client.method(method).uri(path);
        if (body != null) {
            request = request.contentType(type).body(body);
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            JsonNode json = text.isBlank() ? null : parse(text);
            return new Response(res.getStatusCode().value(), res.getHeaders(), text, json);
        });
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public record Response(int status, HttpHeaders headers, String text, JsonNode json) {

        public String get(String field) {
            return json == null || json.get(field) == null ? null : json.get(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
