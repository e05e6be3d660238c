package io.github.settrademqtt.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link ClusterKillReplica} in a process of its own, started with the harness's own
 * {@code java} and class path, its properties written to its standard input. Its output
 * is read on a thread of its own: each {@link ReplicaLine} is recorded (a message in an
 * {@link ArrivalLog} at the time the replica gave it, other events as their last time),
 * other lines are logged with the replica's name.
 *
 * @author settrade-mqtt
 */
public final class ReplicaProcess implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ReplicaProcess.class);

	private final String name;

	private final Process process;

	private final ArrivalLog log;

	private final long startedNanos;

	private final Thread reader;

	private volatile long granted;

	private volatile long loggedIn;

	private volatile long connected;

	private volatile long revoked;

	private volatile long ready;

	private volatile long lastLineNanos;

	private volatile boolean clockChecked;

	private volatile long killedNanos;

	private ReplicaProcess(String name, Process process, ArrivalLog log, long startedNanos) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.startedNanos = startedNanos;
		this.reader = new Thread(this::read, "replica-output-" + name);
		this.reader.setDaemon(true);
	}

	/**
	 * Start a replica process.
	 * @param name its name, for logs
	 * @param jvmOptions options of its JVM, such as its heap
	 * @param properties its application's properties, written to its standard input
	 * @param topics the topics to log, indexed as the feed's
	 * @return the running process
	 * @throws IOException if it cannot be started
	 */
	public static ReplicaProcess start(String name, List<String> jvmOptions, Map<String, String> properties,
			List<String> topics) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current()
			.info()
			.command()
			.orElseThrow(() -> new IllegalStateException("The harness's java command is unknown")));
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ClusterKillReplica.class.getName());
		ArrivalLog log = new ArrivalLog(topics);
		log.recording(true);
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		ReplicaProcess replica = new ReplicaProcess(name, process, log, started);
		replica.reader.start();
		Properties values = new Properties();
		values.putAll(properties);
		try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
			values.store(in, null);
		}
		catch (IOException ex) {
			replica.close();
			throw ex;
		}
		return replica;
	}

	private void read() {
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				ReplicaLine event = ReplicaLine.parse(line);
				if (event == null) {
					logger.info("[" + this.name + "] " + line);
					continue;
				}
				this.lastLineNanos = System.nanoTime();
				switch (event.kind()) {
					case MESSAGE -> this.log.record(event.topic(), event.sequence(), event.epoch(), event.nanos());
					case HELLO -> hello(event.nanos());
					case GRANTED -> this.granted = event.nanos();
					case LOGGED_IN -> this.loggedIn = event.nanos();
					case CONNECTED -> this.connected = event.nanos();
					case REVOKED -> this.revoked = event.nanos();
					case READY -> this.ready = event.nanos();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			if (this.process.isAlive()) {
				logger.error("[" + this.name + "] cannot read its output", ex);
			}
		}
	}

	/**
	 * The replica's clock must be the harness's: its hello comes after the harness
	 * started it and before the harness read it.
	 */
	private void hello(long nanos) {
		this.clockChecked = nanos - this.startedNanos > 0 && this.lastLineNanos - nanos > 0;
		if (!this.clockChecked) {
			logger.error("[" + this.name + "] its System.nanoTime is not the harness's: started at " + this.startedNanos
					+ ", said hello at " + nanos + ", read at " + this.lastLineNanos);
		}
	}

	/**
	 * Kill the process outright, with {@code SIGKILL} ({@link Process#destroyForcibly()}
	 * on Linux), and wait until it is gone.
	 * @param timeout how long to wait
	 * @return when it was killed, on {@link System#nanoTime()}
	 * @throws InterruptedException when interrupted while waiting
	 */
	public long kill(Duration timeout) throws InterruptedException {
		long nanos = System.nanoTime();
		this.process.destroyForcibly();
		this.killedNanos = nanos;
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("Replica " + this.name + " still runs " + timeout + " after SIGKILL");
		}
		return nanos;
	}

	/**
	 * Return the process's exit code: 137 (128 + 9) after {@code SIGKILL}.
	 * @return the exit code
	 */
	public int exitValue() {
		return this.process.exitValue();
	}

	/**
	 * Return whether the process runs and was not killed.
	 * @return whether it runs
	 */
	public boolean isAlive() {
		return this.killedNanos == 0 && this.process.isAlive();
	}

	/**
	 * Return whether the replica's clock was found to be the harness's.
	 * @return whether its times compare with the harness's
	 */
	public boolean clockChecked() {
		return this.clockChecked;
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.process.pid();
	}

	public ArrivalLog log() {
		return this.log;
	}

	public long startedNanos() {
		return this.startedNanos;
	}

	public long killedNanos() {
		return this.killedNanos;
	}

	public long grantedNanos() {
		return this.granted;
	}

	public long loggedInNanos() {
		return this.loggedIn;
	}

	public long connectedNanos() {
		return this.connected;
	}

	public long revokedNanos() {
		return this.revoked;
	}

	public long readyNanos() {
		return this.ready;
	}

	/**
	 * Return whether the replica leads now, as far as it reported: it was granted
	 * leadership after it last gave it up, and it runs.
	 * @return whether it leads
	 */
	public boolean leads() {
		return isAlive() && this.granted != 0 && this.granted - this.revoked > 0;
	}

	/**
	 * Kill the process if it still runs, and wait a little for it to go.
	 */
	@Override
	public void close() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
