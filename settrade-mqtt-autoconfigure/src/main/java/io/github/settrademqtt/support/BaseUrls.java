package io.github.settrademqtt.support;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Compares base URLs as the services behind them, not as strings.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class BaseUrls {

	private BaseUrls() {
	}

	/**
	 * Whether two base URLs address the same service: the same scheme and host in any
	 * case, the same port (a scheme's default port spelt out or not), and the same path,
	 * query and fragment but for a trailing '/'.
	 * @param first a base URL
	 * @param second another base URL
	 * @return whether they address the same service
	 */
	public static boolean sameService(URI first, URI second) {
		return lowerCase(first.getScheme()).equals(lowerCase(second.getScheme()))
				&& lowerCase(first.getHost()).equals(lowerCase(second.getHost())) && port(first) == port(second)
				&& path(first).equals(path(second)) && Objects.equals(first.getRawQuery(), second.getRawQuery())
				&& Objects.equals(first.getRawFragment(), second.getRawFragment());
	}

	private static String lowerCase(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : "";
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return switch (lowerCase(uri.getScheme())) {
			case "https", "wss" -> 443;
			case "http", "ws" -> 80;
			default -> -1;
		};
	}

	private static String path(URI uri) {
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

}
