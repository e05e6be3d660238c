package io.github.settrademqtt.test.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.github.settrademqtt.test.TicketInfo;
import io.github.settrademqtt.test.rest.IssuedSecrets;
import io.github.settrademqtt.test.rest.TicketStore;
import org.jspecify.annotations.Nullable;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Decides whether a ticket presented to the MQTT endpoint opens a connection, and keeps
 * the record tests read: every ticket presented, in order, and how many connections were
 * accepted or refused. Thread safe.
 *
 * @author settrade-mqtt
 */
public final class MqttAdmission {

	private static final Logger logger = Loggers.getLogger(MqttAdmission.class);

	private final TicketStore tickets;

	private final IssuedSecrets secrets;

	private final List<String> presented = new ArrayList<>();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	/**
	 * End of the refusal window on {@link System#nanoTime()}: the window is real time,
	 * since a test that refuses upgrades "for two seconds" means the wall-clock seconds
	 * its client retries in, whatever the simulator clock says.
	 */
	private long refuseUntil;

	private boolean refusing;

	public MqttAdmission(TicketStore tickets, IssuedSecrets secrets) {
		this.tickets = tickets;
		this.secrets = secrets;
	}

	/**
	 * Checks a presented ticket and uses it up when it is good: known, unused, unexpired,
	 * issued under {@code brokerId} and, when {@code appCode} is given, to that app. A
	 * ticket that fails the broker or app check, or arrives while upgrades are refused,
	 * is not used up.
	 * @param ticket the ticket presented
	 * @param brokerId the broker id of the endpoint path
	 * @param appCode the app code the client claimed (the MQTT user name), or
	 * {@code null} when the ticket came alone
	 * @return what the ticket was issued for, or empty when the connection is refused
	 */
	Optional<TicketInfo> admit(String ticket, String brokerId, @Nullable String appCode) {
		this.secrets.remember(ticket);
		boolean refused;
		synchronized (this) {
			this.presented.add(ticket);
			refused = isRefusing();
		}
		Optional<TicketInfo> info = refused ? Optional.empty()
				: this.tickets.consumeIf(ticket, (candidate) -> candidate.brokerId().equals(brokerId)
						&& (appCode == null || candidate.appCode().equals(appCode)));
		if (info.isPresent()) {
			this.accepted.incrementAndGet();
			logger.debug("MQTT ticket {} accepted for app {}", IssuedSecrets.mask(ticket), info.get().appId());
		}
		else {
			this.rejected.incrementAndGet();
			logger.debug("MQTT ticket {} refused{}", IssuedSecrets.mask(ticket),
					refused ? " (upgrades refused for now)" : "");
		}
		return info;
	}

	/**
	 * Counts a connection refused before any ticket could be checked.
	 * @param reason what was wrong, for the debug log; never a secret
	 */
	void reject(String reason) {
		this.rejected.incrementAndGet();
		logger.debug("MQTT connection refused: {}", reason);
	}

	/**
	 * Refuses every upgrade from now on for {@code duration}.
	 * @param duration how long, zero to stop refusing
	 */
	public synchronized void refuseFor(Duration duration) {
		Objects.requireNonNull(duration, "'duration' must not be null");
		if (duration.isNegative()) {
			throw new IllegalArgumentException("'duration' must not be negative");
		}
		this.refusing = !duration.isZero();
		this.refuseUntil = System.nanoTime() + duration.toNanos();
	}

	synchronized boolean isRefusing() {
		if (this.refusing && System.nanoTime() - this.refuseUntil >= 0) {
			this.refusing = false;
		}
		return this.refusing;
	}

	public synchronized List<String> presented() {
		return List.copyOf(this.presented);
	}

	public long accepted() {
		return this.accepted.get();
	}

	public long rejected() {
		return this.rejected.get();
	}

	/**
	 * Forgets the presented tickets, zeroes the counters and ends any refusal window. The
	 * tickets stay in the secret ledger.
	 */
	public synchronized void reset() {
		this.presented.clear();
		this.accepted.set(0);
		this.rejected.set(0);
		this.refusing = false;
	}

}
