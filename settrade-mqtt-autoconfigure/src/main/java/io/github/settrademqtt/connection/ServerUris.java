package io.github.settrademqtt.connection;

import java.util.List;

/**
 * Turns the hosts of a dispatcher ticket into MQTT over secure WebSocket server URIs.
 *
 * @author settrade-mqtt
 */
final class ServerUris {

	private ServerUris() {
	}

	/**
	 * Return the server URIs, in the order Settrade listed the hosts.
	 * @param hosts the ticket's hosts: a bare host, a host and port, or a whole URI
	 * @param port the port for a bare host
	 * @param brokerId the broker id on the wire
	 * @return the URIs
	 */
	static String[] of(List<String> hosts, int port, String brokerId) {
		return hosts.stream().map((host) -> of(host, port, brokerId)).toArray(String[]::new);
	}

	static String of(String host, int port, String brokerId) {
		if (host.contains("://")) {
			// a host that carries a scheme is a whole URI: used as given
			return host;
		}
		String path = "/api/dispatcher/v3/" + brokerId + "/mqtt";
		return "wss://" + (hasPort(host) ? host : bracketed(host) + ":" + port) + path;
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

}
