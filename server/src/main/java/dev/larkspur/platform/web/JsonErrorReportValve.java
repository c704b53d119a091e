package dev.larkspur.platform.web;

import dev.larkspur.platform.FeishuErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat refuses some requests before any servlet sees them (an encoded slash or NUL in the path,
 * invalid UTF-8 in a path segment, a request line or headers over the limit) and answers them with
 * its own HTML page. Clients of the Open API parse every answer as Feishu's {@code {code,msg,data}}
 * JSON, so those answers are JSON too: the status Tomcat chose, with 99992402 (Feishu's "field
 * validation failed", the closest it has to a malformed request) and no server detail (issue 13).
 */
public class JsonErrorReportValve extends ErrorReportValve {
    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // Only errors nothing else answered: the application writes its own bodies.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String msg = status == 400 ? "Bad Request: the request line, path or headers are malformed" : "HTTP " + status;
        String body = "{\"code\":" + FeishuErrors.FIELD_VALIDATION + ",\"msg\":\"" + msg + "\",\"data\":{}}";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            var out = response.getOutputStream();
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is already in use: nothing more to say.
        }
    }
}
