package io.github.settrademqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.settrademqtt.event.SettradeMqttEvent;

import org.springframework.context.ApplicationListener;

/**
 * A listener bean that keeps every event of the feed it hears, in order, from any thread.
 */
public class EventRecorder implements ApplicationListener<SettradeMqttEvent> {

	private final List<SettradeMqttEvent> events = new CopyOnWriteArrayList<>();

	@Override
	public void onApplicationEvent(SettradeMqttEvent event) {
		this.events.add(event);
	}

	/**
	 * Return every event heard so far.
	 * @return the events, oldest first
	 */
	public List<SettradeMqttEvent> all() {
		return List.copyOf(this.events);
	}

	/**
	 * Return the events of a type heard so far.
	 * @param <E> the type
	 * @param type the type
	 * @return the events, oldest first
	 */
	public <E extends SettradeMqttEvent> List<E> of(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
