package io.github.settrademqtt.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.github.settrademqtt.EventRecorder;
import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.SettradeMqttConnection;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Replicas of one application, each an application context of its own, open together in
 * one JVM: started one after the other from the same runner, closed in reverse order at
 * the end of the test, or earlier by the test. Each has an {@link EventRecorder}.
 */
final class Replicas {

	private final List<AssertableApplicationContext> contexts;

	private Replicas(List<AssertableApplicationContext> contexts) {
		this.contexts = List.copyOf(contexts);
	}

	/**
	 * Start {@code count} replicas from the runner and run the test with them open.
	 */
	static void run(ApplicationContextRunner runner, int count, ReplicasConsumer test) throws Throwable {
		run(runner.withBean(EventRecorder.class), count, new ArrayList<>(), test);
	}

	private static void run(ApplicationContextRunner runner, int count, List<AssertableApplicationContext> started,
			ReplicasConsumer test) throws Throwable {
		run(Collections.nCopies(count, runner), started, test);
	}

	/**
	 * Start one replica from each runner, in order, and run the test with them open.
	 */
	static void run(List<ApplicationContextRunner> runners, ReplicasConsumer test) throws Throwable {
		run(runners.stream().map((runner) -> runner.withBean(EventRecorder.class)).toList(), new ArrayList<>(), test);
	}

	private static void run(List<ApplicationContextRunner> runners, List<AssertableApplicationContext> started,
			ReplicasConsumer test) throws Throwable {
		if (started.size() == runners.size()) {
			test.accept(new Replicas(started));
			return;
		}
		runners.get(started.size()).run((context) -> {
			started.add(context);
			run(runners, started, test);
		});
	}

	List<AssertableApplicationContext> all() {
		return this.contexts;
	}

	AssertableApplicationContext get(int index) {
		return this.contexts.get(index);
	}

	List<AssertableApplicationContext> open() {
		return this.contexts.stream().filter((context) -> context.isActive()).toList();
	}

	/**
	 * Return the open replica that leads, if one does.
	 */
	Optional<AssertableApplicationContext> leader() {
		List<AssertableApplicationContext> leaders = leaders();
		return (leaders.size() == 1) ? Optional.of(leaders.get(0)) : Optional.empty();
	}

	List<AssertableApplicationContext> leaders() {
		return open().stream()
			.filter((context) -> context.getBean(UpstreamCandidate.class).getClusterRole() == ClusterRole.LEADER)
			.toList();
	}

	/**
	 * Return the open replica that leads and whose connection is connected.
	 */
	Optional<AssertableApplicationContext> connectedLeader() {
		return leader()
			.filter((context) -> context.getBean(SettradeMqttConnection.class).getState() == ConnectionState.CONNECTED);
	}

	/**
	 * A test run with the replicas open.
	 */
	@FunctionalInterface
	interface ReplicasConsumer {

		void accept(Replicas replicas) throws Throwable;

	}

	static EventRecorder events(AssertableApplicationContext context) {
		return context.getBean(EventRecorder.class);
	}

}
