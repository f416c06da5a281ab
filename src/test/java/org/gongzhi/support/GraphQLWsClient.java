package org.gongzhi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** A minimal graphql-transport-ws client over java.net.http (token in connection_init), for subscription tests. */
public final class GraphQLWsClient implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    public static GraphQLWsClient open(String token) throws Exception {
        return open(token, RestAssured.port);
    }

    /** Connects to the application listening on {@code port} of this machine. */
    public static GraphQLWsClient open(String token, int port) throws Exception {
        GraphQLWsClient c = new GraphQLWsClient();
        c.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), c).get(10, TimeUnit.SECONDS);
        c.socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}", true).join();
        JsonPath ack = c.next(Duration.ofSeconds(10));
        assertThat(ack).as("connection_ack").isNotNull();
        assertThat(ack.getString("type")).isEqualTo("connection_ack");
        return c;
    }

    public void subscribe(String query, String variablesJson) {
        socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + query.replace("\"", "\\\"")
                + "\",\"variables\":" + variablesJson + "}}", true).join();
    }

    /** The next message other than ping/pong, or null when none arrives within {@code wait}. */
    public JsonPath next(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            // one deadline for the whole wait: keep-alive pings must not extend it
            long left = deadline - System.nanoTime();
            String m = left <= 0 ? messages.poll() : messages.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) {
                return null;
            }
            JsonPath json = JsonPath.from(m);
            if (!"ping".equals(json.getString("type")) && !"pong".equals(json.getString("type"))) {
                return json;
            }
        }
    }

    public void drain() throws InterruptedException {
        while (next(Duration.ofMillis(300)) != null) {
            // discard events of earlier steps
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    /** True once the server closed the connection (or it broke). */
    public boolean isClosedByServer() {
        return socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
