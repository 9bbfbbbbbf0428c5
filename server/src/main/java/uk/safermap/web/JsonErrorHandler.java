package uk.safermap.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Jetty's own error answers (a request line it cannot parse, a URI too long for its buffer, an
 * ambiguous path) in the same JSON shape and with the same security headers as the service's,
 * instead of Jetty's HTML page, which names the server and echoes the request.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final ObjectMapper mapper;
    private final Map<String, String> headers;

    JsonErrorHandler(ObjectMapper mapper, String csp) {
        this.mapper = mapper;
        this.headers = HttpServer.securityHeaders(csp);
        setShowServlet(false);
        setShowStacks(false);
    }

    /** Errors found while parsing the request, before any handler could run (400, 414, 431). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers.forEach(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    /** Errors Jetty raises while dispatching a parsed request. */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        headers.forEach(response::setHeader);
        response.setContentType("application/json");
        response.getOutputStream().write(body(code));
        baseRequest.setHandled(true);
    }

    /** Jetty's reason can echo request text: only the status's standard phrase goes out. */
    private byte[] body(int status) {
        String message = "the request cannot be handled: " + HttpStatus.getMessage(status).toLowerCase()
                + (status == HttpStatus.URI_TOO_LONG_414 ? " (keep the URI under 8 KB; send long inputs as a body)"
                : "");
        try {
            return mapper.writeValueAsBytes(new ApiErrors.ErrorBody(status, message));
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
