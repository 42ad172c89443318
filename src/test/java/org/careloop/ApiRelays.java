package org.careloop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Relays in front of the platform simulator, one port per node and account: each request is
 * written down (which node, which account, when, what) and passed on byte for byte, so the client's
 * Host and its OAuth signature stay as they were. One request can be held, never passed on, so a
 * node's scheduled job is caught in the middle of its work.
 */
final class ApiRelays implements AutoCloseable {

    /** One request a node made for one account. */
    record Request(String node, String account, Instant at, String method, String target) {}

    private final int upstreamPort;
    private final List<Request> log = new CopyOnWriteArrayList<>();
    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Predicate<Request>> holdNext = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Request>> held = new AtomicReference<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    ApiRelays(int upstreamPort) {
        this.upstreamPort = upstreamPort;
    }

    /** A relay for one node's calls for one account; its URL is the account's API base URL on that node. */
    String relay(String node, String account) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(server);
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    open.add(client);
                    Thread t = new Thread(() -> serve(client, node, account), "relay-" + node + "-" + account);
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "relay-accept-" + node + "-" + account);
        accept.setDaemon(true);
        accept.start();
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    /** Every request so far. */
    List<Request> requests() {
        return List.copyOf(log);
    }

    /** The next request that matches is held: never passed on, its caller waits. Completes with it. */
    CompletableFuture<Request> holdNext(Predicate<Request> which) {
        CompletableFuture<Request> f = new CompletableFuture<>();
        held.set(f);
        holdNext.set(which);
        return f;
    }

    private void serve(Socket client, String node, String account) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            open.add(upstream);
            // A request passed on in pieces must not wait for the other side's delayed ACK (Nagle): 40 ms a reply.
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            Thread back = new Thread(() -> copy(upstream, client), "relay-back-" + node + "-" + account);
            back.setDaemon(true);
            back.start();
            InputStream in = client.getInputStream();
            OutputStream out = upstream.getOutputStream();
            while (true) {
                byte[] head = head(in);
                if (head == null) {
                    return;
                }
                String text = new String(head, StandardCharsets.ISO_8859_1);
                String[] first = text.substring(0, text.indexOf("\r\n")).split(" ");
                byte[] body = in.readNBytes(contentLength(text));
                Request r = new Request(node, account, Instant.now(), first[0], first[1]);
                log.add(r);
                Predicate<Request> hold = holdNext.get();
                if (hold != null && hold.test(r) && holdNext.compareAndSet(hold, null)) {
                    held.get().complete(r);
                    closed.await(); // never passed on: the caller waits until it gives up or dies
                    return;
                }
                byte[] request = new byte[head.length + body.length];
                System.arraycopy(head, 0, request, 0, head.length);
                System.arraycopy(body, 0, request, head.length, body.length);
                out.write(request);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client or the simulator closed the connection
        }
    }

    /** The request line and headers, through the empty line; null at the end of the stream. */
    private static byte[] head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int matched = 0;
        int c;
        while ((c = in.read()) != -1) {
            b.write(c);
            matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
            if (matched == 4) {
                return b.toByteArray();
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                throw new IllegalStateException("The relay passes on bodies of a known length only: " + line);
            }
            if (lower.startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        closed.countDown();
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }
}
