package uk.safermap.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP proxy for clients that send no credentials (the OGC test suite): it adds an
 * {@code Authorization} header to each request and forwards it to the service, leaving the
 * {@code Host} header alone so that the links the service writes point back at the proxy. One
 * request per connection ({@code Connection: close}); requests with bodies are refused, as the
 * clients it serves only read.
 */
final class TokenProxy implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final int targetPort;
    private final String token;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    TokenProxy(int targetPort, String token) throws IOException {
        this.targetPort = targetPort;
        this.token = token;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The request line of every request forwarded, e.g. {@code GET /collections HTTP/1.1}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            String head = readHead(client.getInputStream());
            if (head.isEmpty()) {
                return;
            }
            StringBuilder out = new StringBuilder();
            String[] lines = head.split("\r\n");
            requests.add(lines[0]);
            out.append(lines[0]).append("\r\n");
            for (int i = 1; i < lines.length; i++) {
                String name = lines[i].substring(0, Math.max(0, lines[i].indexOf(':'))).trim();
                if (name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("transfer-encoding")) {
                    client.getOutputStream().write("HTTP/1.1 501 Not Implemented\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    return;
                }
                if (!name.equalsIgnoreCase("connection") && !name.equalsIgnoreCase("authorization")) {
                    out.append(lines[i]).append("\r\n");
                }
            }
            out.append("Authorization: Bearer ").append(token).append("\r\nConnection: close\r\n\r\n");
            OutputStream up = upstream.getOutputStream();
            up.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
            up.flush();
            upstream.getInputStream().transferTo(client.getOutputStream());
        } catch (IOException e) {
            // the client or the service hung up: nothing to forward
        }
    }

    /** The request line and headers, without the blank line; empty when the client sent nothing. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : (b == '\r' ? 1 : 0);
            if (state == 4) {
                String s = head.toString(StandardCharsets.ISO_8859_1);
                return s.substring(0, s.length() - 4);
            }
        }
        return "";
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
