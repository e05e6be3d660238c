package io.github.settrademqtt.test.rest;

import java.time.Duration;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.resources.LoopResources;

/**
 * The HTTPS server under the simulator: Reactor Netty on loopback only, HTTP/1.1 (the
 * MQTT WebSocket endpoint will share the port and needs an HTTP/1.1 upgrade), with event
 * loops of its own so that a test disposing Reactor Netty's global resources cannot stop
 * the simulator and the other way round.
 *
 * @author settrade-mqtt
 */
public final class SimulatorServer {

	private static final String BIND_ADDRESS = "127.0.0.1";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final SimulatorCertificate certificate;

	private final Consumer<HttpServerRoutes> routes;

	private @Nullable LoopResources loops;

	private @Nullable DisposableServer server;

	public SimulatorServer(SimulatorCertificate certificate, Consumer<HttpServerRoutes> routes) {
		this.certificate = certificate;
		this.routes = routes;
	}

	/**
	 * Binds a random port; returns once the server accepts connections.
	 */
	public void start() {
		LoopResources loops = LoopResources.create("settrade-simulator", 1, 2, true);
		try {
			this.server = HttpServer.create()
				.runOn(loops)
				.host(BIND_ADDRESS)
				.port(0)
				.secure((ssl) -> ssl.sslContext(
						Http11SslContextSpec.forServer(this.certificate.privateKey(), this.certificate.certificate())))
				.route(this.routes)
				.bindNow(TIMEOUT);
			this.loops = loops;
		}
		catch (RuntimeException ex) {
			loops.disposeLater().block(TIMEOUT);
			throw ex;
		}
	}

	/**
	 * Returns the bound port.
	 * @return the port
	 */
	public int port() {
		DisposableServer server = this.server;
		if (server == null) {
			throw new IllegalStateException("Server is not running");
		}
		return server.port();
	}

	/**
	 * Closes the listening socket and open connections, then the event loops.
	 */
	public void stop() {
		DisposableServer server = this.server;
		LoopResources loops = this.loops;
		this.server = null;
		this.loops = null;
		if (server != null) {
			server.disposeNow(TIMEOUT);
		}
		if (loops != null) {
			loops.disposeLater(Duration.ZERO, TIMEOUT).block(TIMEOUT);
		}
	}

}
