package io.github.settrademqtt.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample started as the README's run command starts it (no configuration but the
 * arguments given; the port is left to the operating system), with an HTTP client for its
 * pages.
 */
final class RunningSample implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private RunningSample(ConfigurableApplicationContext context) {
		this.context = context;
		this.baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static RunningSample start(String... args) {
		String[] arguments = new String[args.length + 1];
		arguments[0] = "--server.port=0";
		System.arraycopy(args, 0, arguments, 1, args.length);
		return new RunningSample(SpringApplication.run(SampleApplication.class, arguments));
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	String baseUrl() {
		return this.baseUrl;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		this.context.close();
	}

}
