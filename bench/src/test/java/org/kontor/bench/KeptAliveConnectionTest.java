package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeptAliveConnectionTest {

    private static final String AUTH = "Basic YWRtaW46c2VjcmV0";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private FakeServer server;

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoPostsWithFixedLengthReplies_bothAnsweredOnOneConnection() throws Exception {
        server = new FakeServer(request -> reply("201 Created", "{\"id\":\"e-1\",\"version\":1}"), false);

        try (KeptAliveConnection connection = connect()) {
            KontorHttp.Reply first = connection.exchange("POST", "/api/ledger/journal-entries", AUTH, "{\"a\":1}");
            KontorHttp.Reply second = connection.exchange("POST", "/api/ledger/journal-entries", AUTH, "{\"b\":2}");

            assertThat(first).isEqualTo(new KontorHttp.Reply(201, "{\"id\":\"e-1\",\"version\":1}"));
            assertThat(second.statusCode()).isEqualTo(201);
            assertThat(connection.isOpen()).isTrue();
        }
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(0))
                .startsWith("POST /api/ledger/journal-entries HTTP/1.1\r\n")
                .contains("Authorization: " + AUTH + "\r\n", "Content-Type: application/json\r\n",
                        "Content-Length: 7\r\n")
                .endsWith("\r\n\r\n{\"a\":1}");
    }

    @Test
    void chunkedReplyWithAnInterimReplyBefore_wholeBodyRead() throws Exception {
        server = new FakeServer(request -> "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"ite\r\n9;ext=1\r\nms\":[1,2]\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n", false);

        try (KeptAliveConnection connection = connect()) {
            KontorHttp.Reply reply = connection.exchange("POST", "/x", AUTH, "{}");

            assertThat(reply).isEqualTo(new KontorHttp.Reply(200, "{\"items\":[1,2]}"));
            assertThat(connection.isOpen()).isTrue();
        }
    }

    @Test
    void problemReplyWithConnectionClose_statusAndBody_connectionClosed() throws Exception {
        String problem = "{\"code\":\"ENTRY_NOT_BALANCED\",\"detail\":\"Größe\"}";
        server = new FakeServer(request -> "HTTP/1.1 422 Unprocessable Entity\r\nConnection: close\r\n"
                + "Content-Length: " + problem.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + problem, false);

        try (KeptAliveConnection connection = connect()) {
            KontorHttp.Reply reply = connection.exchange("POST", "/x", AUTH, "{}");

            assertThat(reply).isEqualTo(new KontorHttp.Reply(422, problem));
            assertThat(connection.isOpen()).isFalse();
        }
    }

    @Test
    void serverThatNeverAnswers_readTimesOut_notTakenForAClosedConnection() throws Exception {
        server = new FakeServer(request -> null, false);

        try (KeptAliveConnection connection = new KeptAliveConnection(InetAddress.getLoopbackAddress().getHostAddress(),
                server.port(), TIMEOUT, Duration.ofMillis(300))) {
            assertThatThrownBy(() -> connection.exchange("POST", "/x", AUTH, "{}"))
                    .isInstanceOf(SocketTimeoutException.class);
            // The server has the request: sending it again would send it twice.
            assertThat(connection.foundClosed()).isFalse();
        }
    }

    @Test
    void idleConnectionClosedByTheServer_postSentOnceMoreOnANewConnection_notTwiceToTheServer() throws Exception {
        // The server closes each connection right after its reply, without saying so.
        server = new FakeServer(request -> reply("201 Created", "{}"), true);
        KontorHttp http = new KontorHttp("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.port(), "admin", "secret");
        try {
            assertThat(http.post("/api/customers", "{\"n\":1}").statusCode()).isEqualTo(201);
            server.awaitClosed(1);
            assertThat(http.post("/api/customers", "{\"n\":2}").statusCode()).isEqualTo(201);
        } finally {
            http.closeConnections();
        }
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1)).endsWith("{\"n\":2}");
    }

    @Test
    void garbageInsteadOfAStatusLine_refused() throws Exception {
        server = new FakeServer(request -> "SSH-2.0-OpenSSH\r\n\r\n", false);

        try (KeptAliveConnection connection = connect()) {
            assertThatThrownBy(() -> connection.exchange("POST", "/x", AUTH, "{}"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("not an HTTP/1.x status line");
        }
    }

    private KeptAliveConnection connect() throws IOException {
        return new KeptAliveConnection(InetAddress.getLoopbackAddress().getHostAddress(), server.port(), TIMEOUT,
                TIMEOUT);
    }

    private static String reply(String status, String body) {
        return "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /**
     * Accepts connections one after the other and answers each request read from them with what
     * {@code answer} makes of it (null: no answer, the connection stays open).
     */
    private static final class FakeServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final Queue<Socket> open = new ConcurrentLinkedQueue<>();
        private final Thread acceptor;
        private volatile int connections;
        private volatile int closed;

        FakeServer(Function<String, String> answer, boolean closeAfterEachReply) throws IOException {
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        open.add(connection);
                        connections++;
                        InputStream in = new BufferedInputStream(connection.getInputStream());
                        OutputStream out = connection.getOutputStream();
                        for (String request; (request = readRequest(in)) != null; ) {
                            requests.add(request);
                            String answered = answer.apply(request);
                            if (answered == null) {
                                Thread.sleep(5_000);
                                break;
                            }
                            out.write(answered.getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            if (closeAfterEachReply) {
                                break;
                            }
                        }
                    } catch (IOException | InterruptedException stopped) {
                        // closed by the test
                    }
                    closed++;
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections;
        }

        List<String> requests() {
            return requests;
        }

        void awaitClosed(int count) throws InterruptedException {
            for (int waited = 0; closed < count && waited < 100; waited++) {
                Thread.sleep(20);
            }
        }

        /** Head and Content-Length body of the next request; null at the end of the stream. */
        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int next = in.read();
                if (next < 0) {
                    return null;
                }
                head.write(next);
                matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : open) {
                connection.close();
            }
        }
    }
}
