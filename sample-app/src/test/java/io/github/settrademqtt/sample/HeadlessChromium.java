package io.github.settrademqtt.sample;

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
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A headless Chromium (Debian's {@code chromium} package) driven over the Chrome DevTools
 * protocol with the JDK's own HTTP and WebSocket clients: no driver, no extra dependency.
 * It opens one page, evaluates JavaScript in it and takes screenshots of it.
 */
final class HeadlessChromium implements AutoCloseable {

	static final Path EXECUTABLE = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

	private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on ws://[^:]+:(\\d+)/");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/**
	 * A common laptop's window, so the page lays out as most people see it.
	 */
	private static final String WINDOW_SIZE = "1440,900";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Path profile;

	private final Process process;

	private final WebSocket page;

	private final AtomicInteger ids = new AtomicInteger();

	private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private HeadlessChromium(String url) throws Exception {
		this.profile = Files.createTempDirectory("sample-chromium");
		this.process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=" + WINDOW_SIZE,
				"--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + this.profile,
				url)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			int port = CompletableFuture.supplyAsync(this::devToolsPort).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			this.page = connect(port, url);
			awaitLoaded(url);
		}
		catch (Exception ex) {
			close();
			throw ex;
		}
	}

	static HeadlessChromium open(String url) throws Exception {
		return new HeadlessChromium(url);
	}

	/**
	 * Evaluate an expression in the page.
	 * @param expression JavaScript whose value is JSON-serialisable
	 * @return the value
	 */
	JsonNode evaluate(String expression) throws Exception {
		JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
		if (result.has("exceptionDetails")) {
			throw new IllegalStateException("Evaluation failed: " + result);
		}
		return result.path("result").path("value");
	}

	/**
	 * Take a PNG screenshot of the whole page, beyond the window when it is taller.
	 * @return the PNG's bytes
	 */
	byte[] screenshot() throws Exception {
		JsonNode size = HeadlessChromiumJson.parse(evaluate(
				"JSON.stringify({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })")
			.asString());
		JsonNode result = send("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width",
						size.path("width").asInt(), "height", size.path("height").asInt(), "scale", 1)));
		return Base64.getDecoder().decode(result.path("data").asString());
	}

	/**
	 * Send a DevTools protocol command to the page and wait for its result.
	 */
	private JsonNode send(String method, Map<String, Object> params) throws Exception {
		int id = this.ids.incrementAndGet();
		CompletableFuture<JsonNode> result = new CompletableFuture<>();
		this.pending.put(id, result);
		String command = this.json.writeValueAsString(Map.of("id", id, "method", method, "params", params));
		this.page.sendText(command, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		JsonNode response = result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		if (response.has("error")) {
			throw new IllegalStateException(method + " failed: " + response);
		}
		return response.path("result");
	}

	/**
	 * Wait until the page target shows the document at the URL, fully loaded: the target
	 * appears before navigation ends, and an expression evaluated earlier runs against
	 * {@code about:blank} or a half-parsed document.
	 */
	private void awaitLoaded(String url) throws Exception {
		String expression = "document.readyState === 'complete' && location.href.indexOf("
				+ this.json.writeValueAsString(url) + ") === 0";
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!evaluate(expression).asBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The page did not load " + url + " within " + TIMEOUT);
			}
			pause();
		}
	}

	private int devToolsPort() {
		// Chromium prints the DevTools address on stderr; keep draining it afterwards
		BufferedReader stderr = new BufferedReader(
				new InputStreamReader(this.process.getErrorStream(), StandardCharsets.UTF_8));
		try {
			String line;
			while ((line = stderr.readLine()) != null) {
				Matcher matcher = DEVTOOLS.matcher(line);
				if (matcher.find()) {
					Thread drain = new Thread(() -> stderr.lines().forEach((ignored) -> {
					}), "chromium-stderr");
					drain.setDaemon(true);
					drain.start();
					return Integer.parseInt(matcher.group(1));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("Chromium exited without a DevTools address");
	}

	private WebSocket connect(int port, String url) throws Exception {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (true) {
			HttpResponse<String> list = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
					HttpResponse.BodyHandlers.ofString());
			for (JsonNode target : this.json.readTree(list.body())) {
				if ("page".equals(target.path("type").asString()) && target.has("webSocketDebuggerUrl")) {
					return this.http.newWebSocketBuilder()
						.buildAsync(URI.create(target.path("webSocketDebuggerUrl").asString()), new Receiver())
						.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				}
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("No page for " + url + " in " + list.body());
			}
			// the page target appears shortly after the browser starts
			pause();
		}
	}

	private static void pause() {
		CompletableFuture.runAsync(() -> {
		}, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)).join();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory: best effort
		}
	}

	private final class Receiver implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				JsonNode message = HeadlessChromium.this.json.readTree(this.text.toString());
				this.text.setLength(0);
				if (message.has("id")) {
					CompletableFuture<JsonNode> result = HeadlessChromium.this.pending
						.remove(message.get("id").asInt());
					if (result != null) {
						result.complete(message);
					}
				}
			}
			webSocket.request(1);
			return null;
		}

	}

}
