package org.kontor.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One plain HTTP/1.1 connection to the server, kept alive from one request to the next, used by
 * one client at a time: the request is written, then the reply read, on the caller's thread.
 *
 * <p>Why not Java's {@code HttpClient}: it hands every request between the caller, a selector
 * thread and a worker thread, and took about 0.2 ms of CPU a request in the posting window, about
 * a sixth of what the server spent on a journal entry, on the same two cores. The benchmark's
 * clients should take as little of the machine from the server they measure as they can.
 *
 * <p>What it reads: a status line, headers, and a body by {@code Content-Length} or chunked; a
 * reply with neither ends with the connection. {@code Connection: close} closes it after the
 * reply. Bounds: a line of at most {@value #MAX_LINE} bytes, at most {@value #MAX_HEADERS} headers,
 * a body of at most {@value #MAX_BODY} bytes, and the read timeout on every read.
 */
final class KeptAliveConnection implements Closeable {

    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEADERS = 100;
    static final int MAX_BODY = 64 * 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;
    private boolean open = true;
    /** Whether any byte of the reply to the request in progress was read. */
    private boolean replyStarted;
    /** Whether the last exchange found the connection closed by the server before a byte of its reply. */
    private boolean foundClosed;

    KeptAliveConnection(String host, int port, Duration connectTimeout, Duration readTimeout) throws IOException {
        this.socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        } catch (IOException | RuntimeException failed) {
            socket.close();
            throw failed;
        }
        this.host = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** Sends one request ({@code json} null: no body) and reads its reply. */
    KontorHttp.Reply exchange(String method, String path, String authorization, String json) throws IOException {
        replyStarted = false;
        foundClosed = false;
        try {
            write(method, path, authorization, json);
        } catch (SocketException closedByServer) {
            foundClosed = true;
            throw closedByServer;
        }
        try {
            return readReply();
        } catch (SocketException reset) {
            foundClosed = !replyStarted;
            throw reset;
        }
    }

    private void write(String method, String path, String authorization, String json) throws IOException {
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Authorization: ").append(authorization).append("\r\n")
                .append("Accept: application/json, application/problem+json\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    /** Whether the connection can carry another request. */
    boolean isOpen() {
        return open;
    }

    /**
     * Whether the last exchange failed because the server had closed the connection: the write
     * failed, or the connection ended or was reset before a byte of the reply. Not a read timeout:
     * then the server has the request and is slow, and sending it again would send it twice.
     */
    boolean foundClosed() {
        return foundClosed;
    }

    @Override
    public void close() {
        open = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
    }

    private KontorHttp.Reply readReply() throws IOException {
        int status;
        Headers headers;
        do {
            status = statusOf(readLine());
            headers = readHeaders();
        } while (status / 100 == 1); // an interim reply (100 Continue) precedes the real one
        String body;
        if (headers.chunked) {
            body = readChunked();
        } else if (headers.contentLength >= 0) {
            body = new String(readExactly(headers.contentLength), StandardCharsets.UTF_8);
        } else if (status == 204 || status == 304) {
            body = "";
        } else {
            body = readToEnd();
            headers.close = true;
        }
        if (headers.close) {
            close();
        }
        return new KontorHttp.Reply(status, body);
    }

    private static int statusOf(String statusLine) throws IOException {
        // HTTP/1.1 201 Created
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException notNumber) {
            throw new IOException("not an HTTP status: " + statusLine);
        }
    }

    private static final class Headers {
        long contentLength = -1;
        boolean chunked;
        boolean close;
    }

    private Headers readHeaders() throws IOException {
        Headers headers = new Headers();
        for (int count = 0; ; count++) {
            String line = readLine();
            if (line.isEmpty()) {
                return headers;
            }
            if (count == MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("not a header: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> headers.contentLength = contentLength(value);
                case "transfer-encoding" -> headers.chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                case "connection" -> headers.close = value.equalsIgnoreCase("close");
                default -> {
                    // not needed to read the reply
                }
            }
        }
    }

    private static long contentLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value);
            if (length < 0 || length > MAX_BODY) {
                throw new IOException("a body of " + value + " bytes");
            }
            return length;
        } catch (NumberFormatException notNumber) {
            throw new IOException("not a Content-Length: " + value);
        }
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException notHex) {
                throw new IOException("not a chunk size: " + sizeLine);
            }
            if (size < 0 || body.size() + size > MAX_BODY) {
                throw new IOException("a chunked body of more than " + MAX_BODY + " bytes");
            }
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers: not needed
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(readExactly(size));
            if (!readLine().isEmpty()) {
                throw new IOException("a chunk not followed by CRLF");
            }
        }
    }

    private byte[] readExactly(long length) throws IOException {
        byte[] bytes = in.readNBytes(Math.toIntExact(length));
        if (bytes.length < length) {
            throw new EOFException("the connection ended " + (length - bytes.length) + " bytes before the body's end");
        }
        return bytes;
    }

    private String readToEnd() throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IOException("a body of more than " + MAX_BODY + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A line without its CRLF (a bare LF ends it too); EOF before any byte is an error. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int next = in.read();
            if (next < 0) {
                foundClosed = !replyStarted;
                throw new EOFException(replyStarted ? "the connection ended within the reply"
                        : "the connection ended before the reply");
            }
            replyStarted = true;
            if (next == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new IOException("a line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) next);
        }
    }
}
