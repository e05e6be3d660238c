package io.github.settrademqtt.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.jspecify.annotations.Nullable;

/**
 * Turns the hosts of a dispatcher ticket into MQTT over secure WebSocket server URIs.
 * Only {@code wss} is ever used: a {@code ws://} host would send the ticket in clear, and
 * any other scheme is not MQTT over WebSocket. A host that cannot be used is skipped and
 * said why, so that one odd entry in a ticket never stops the others from being tried.
 *
 * @author settrade-mqtt
 */
final class ServerUris {

	private static final String SECURE_WEBSOCKET = "wss";

	private ServerUris() {
	}

	/**
	 * Return the server URIs, in the order Settrade listed the hosts, without the hosts
	 * that cannot be used, and why those were skipped. A host is a bare host (given the
	 * port), a host and port, or a whole URI.
	 */
	static Resolved of(List<String> hosts, int port, String brokerId) {
		List<String> uris = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (String host : hosts) {
			String uri = of(host, port, brokerId);
			String problem = problem(host, uri);
			if (problem == null) {
				uris.add(uri);
			}
			else {
				skipped.add("'" + host + "' " + problem);
			}
		}
		return new Resolved(List.copyOf(uris), List.copyOf(skipped));
	}

	static String of(String host, int port, String brokerId) {
		if (host.contains("://")) {
			// a host that carries a scheme is a whole URI: used as given
			return host;
		}
		String path = "/api/dispatcher/v3/" + brokerId + "/mqtt";
		return "wss://" + (hasPort(host) ? host : bracketed(host) + ":" + port) + path;
	}

	/**
	 * Return what is wrong with a host, or with its URI as Paho sees it: the same check
	 * it makes when the URIs are set, where it would throw for the whole ticket.
	 */
	private static @Nullable String problem(String host, String uri) {
		if (host.isBlank()) {
			return "is empty";
		}
		int schemeEnd = host.indexOf("://");
		String scheme = (schemeEnd >= 0) ? host.substring(0, schemeEnd).toLowerCase(Locale.ROOT) : SECURE_WEBSOCKET;
		if (scheme.equals("ws")) {
			return "is plain WebSocket, which would send the ticket in clear (only wss is used)";
		}
		if (!scheme.equals(SECURE_WEBSOCKET)) {
			return "is not an MQTT over secure WebSocket URI (scheme '" + scheme + "'; only wss is used)";
		}
		try {
			new MqttConnectOptions().setServerURIs(new String[] { uri });
			return null;
		}
		catch (IllegalArgumentException ex) {
			return "is not a URI Paho accepts (" + ex.getMessage() + ")";
		}
	}

	private static String bracketed(String host) {
		return (host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host;
	}

	private static boolean hasPort(String host) {
		int bracket = host.lastIndexOf(']');
		int colon = host.lastIndexOf(':');
		if (host.startsWith("[")) {
			return colon > bracket;
		}
		// more than one colon without brackets is a bare IPv6 address
		return colon > 0 && host.indexOf(':') == colon;
	}

	/**
	 * The URIs of a ticket's hosts.
	 *
	 * @param uris the usable URIs, in the ticket's order
	 * @param skipped each host that cannot be used, with why
	 */
	record Resolved(List<String> uris, List<String> skipped) {

	}

}
