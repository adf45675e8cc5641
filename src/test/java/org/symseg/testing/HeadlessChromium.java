package org.symseg.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real headless Chromium driven over the DevTools protocol (JSON over a WebSocket): it opens a
 * page, waits for its load event, evaluates an expression in it, and collects every console
 * error, uncaught exception and failed resource the page produced. Chromium is the Debian package
 * {@code chromium}; without it the caller fails with a message saying how to install it.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    /** Guards against a browser that hangs; never reached by a page that loads. */
    private static final long WAIT_SECONDS = 120;

    private final Process process;
    private final WebSocket socket;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    private final BlockingQueue<String> loads = new LinkedBlockingQueue<>();

    private HeadlessChromium(Process process, String pageSocket) throws Exception {
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new Listener()).get(WAIT_SECONDS, TimeUnit.SECONDS);
        call("Runtime.enable", null);
        call("Log.enable", null);
        call("Page.enable", null);
    }

    /** Starts Chromium on about:blank with a fresh profile in {@code profile}. */
    public static HeadlessChromium start(Path profile) throws Exception {
        installIfMissing();
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--remote-debugging-port=0",
                "--user-data-dir=" + profile.toAbsolutePath(), "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String browserSocket = devToolsAddress(process);
            URI address = URI.create(browserSocket);
            HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + address.getHost() + ":" + address.getPort() + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode target : new ObjectMapper().readTree(list.body())) {
                if ("page".equals(target.path("type").asText())) {
                    return new HeadlessChromium(process, target.path("webSocketDebuggerUrl").asText());
                }
            }
            throw new AssertionError("Chromium opened no page: " + list.body());
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * The test setup installs Debian's chromium when it is missing and the tests run as root (as
     * on CI); otherwise the test fails saying how to install it.
     */
    private static synchronized void installIfMissing() throws Exception {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            ProcessBuilder apt = new ProcessBuilder("sh", "-c",
                    "apt-get update -q && apt-get install -y -q chromium")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            apt.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process install = apt.start();
            install.getOutputStream().close();
            install.waitFor();
        }
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("Chromium is needed for this test and is missing (" + BINARY
                    + "): install it as root with 'apt-get install -y chromium'");
        }
    }

    /** Reads Chromium's stderr up to the DevTools address, then keeps draining it. */
    private static String devToolsAddress(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = err.readLine()) != null) {
            int at = line.indexOf("ws://");
            if (line.startsWith("DevTools listening on") && at >= 0) {
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return line.substring(at).trim();
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("Chromium exited without a DevTools address:\n" + seen);
    }

    /**
     * Opens a file URL and waits until it has loaded (every image decoded or failed). A load
     * event of the blank start page may still be on its way, so the page's own state decides.
     */
    public void open(URI url) throws Exception {
        ObjectNode params = json.createObjectNode().put("url", url.toString());
        JsonNode result = call("Page.navigate", params);
        if (result.has("errorText")) {
            throw new AssertionError("Chromium could not open " + url + ": " + result.get("errorText"));
        }
        while (!evaluate("location.protocol === 'file:' && document.readyState === 'complete'")
                .asBoolean()) {
            if (loads.poll(WAIT_SECONDS, TimeUnit.SECONDS) == null) {
                throw new AssertionError("Chromium did not finish loading " + url);
            }
        }
    }

    /** The value of a JavaScript expression in the page (JSON-serializable values only). */
    public JsonNode evaluate(String expression) throws Exception {
        ObjectNode params = json.createObjectNode().put("expression", expression)
                .put("returnByValue", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new AssertionError("expression failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Console errors, uncaught exceptions and error log entries (failed loads) so far. */
    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    private JsonNode call(String method, JsonNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        socket.sendText(json.writeValueAsString(message), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        JsonNode reply = answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new AssertionError(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    private void received(String text) throws IOException {
        JsonNode message = json.readTree(text);
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Page.loadEventFired" -> loads.add("load");
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    errors.add("console." + type + ": " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                if (entry.path("level").asText().equals("error")) {
                    errors.add("log: " + entry.path("text").asText() + " " + entry.path("url").asText());
                }
            }
            default -> { }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Puts fragmented text frames back together and hands whole messages on. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    received(text);
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
