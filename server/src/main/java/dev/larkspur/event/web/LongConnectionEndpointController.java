package dev.larkspur.event.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.larkspur.event.LongConnectionEndpoint;
import dev.larkspur.event.LongConnectionRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDKs' long-connection endpoint (spec/protocols.md §4.2). Always HTTP 200, and on failure
 * {@code "data":{}} rather than null: the SDKs stop on a coded error but turn a null {@code data}
 * into a retry loop or a crash. The {@code locale} header or query parameter is accepted and unused.
 */
@RestController
class LongConnectionEndpointController {
    private final LongConnectionEndpoint endpoint;
    private final JsonMapper json;

    LongConnectionEndpointController(LongConnectionEndpoint endpoint, JsonMapper json) {
        this.endpoint = endpoint;
        this.json = json;
    }

    record Credentials(@JsonProperty("AppID") String appId, @JsonProperty("AppSecret") String appSecret) {}

    record Answer(int code, String msg, Object data) {}

    record Data(@JsonProperty("URL") String url, @JsonProperty("ClientConfig") Map<String, Integer> clientConfig) {}

    @PostMapping("/callback/ws/endpoint")
    Answer open(@RequestBody(required = false) String body, HttpServletRequest request) {
        var credentials = read(body);
        String http = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        String socketBase = http.replaceFirst("^http", "ws");
        var opened = endpoint.open(credentials.appId(), credentials.appSecret(), socketBase);
        return new Answer(0, "ok", new Data(opened.url(), opened.clientConfig()));
    }

    @ExceptionHandler(LongConnectionRefused.class)
    Answer refused(LongConnectionRefused e) {
        return new Answer(e.endpointCode(), e.getMessage(), Map.of());
    }

    private Credentials read(String body) {
        try {
            var credentials = body == null ? null : json.readValue(body, Credentials.class);
            return credentials == null ? new Credentials(null, null) : credentials;
        } catch (JacksonException e) {
            return new Credentials(null, null);
        }
    }
}
