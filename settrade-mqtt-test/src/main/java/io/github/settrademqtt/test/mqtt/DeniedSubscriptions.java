package io.github.settrademqtt.test.mqtt;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

/**
 * The broker's authorization policy: every client may subscribe to every topic filter
 * except those a test denied, which get a {@code SUBACK} failure ({@code 0x80}) while the
 * other filters of the same {@code SUBSCRIBE} are granted. Publishing is the simulator's
 * business alone, so writes are never checked here.
 *
 * @author settrade-mqtt
 */
public final class DeniedSubscriptions implements IAuthorizatorPolicy {

	private final Set<String> denied = ConcurrentHashMap.newKeySet();

	public void deny(String topicFilter) {
		this.denied.add(topicFilter);
	}

	public void clear() {
		this.denied.clear();
	}

	@Override
	public boolean canWrite(Topic topic, String user, String client) {
		return true;
	}

	/**
	 * Matches the filter exactly as the client wrote it: denying {@code a/#} does not
	 * deny {@code a/b}.
	 */
	@Override
	public boolean canRead(Topic topic, String user, String client) {
		return !this.denied.contains(topic.toString());
	}

}
