package io.github.settrademqtt.cluster.kafka;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * The records of the feed topic, written by the {@link FeedPublisher} and read by the
 * {@link FeedFollower}. Two kinds share the topic:
 * <ul>
 * <li><b>Messages</b>: key the Settrade topic, value the payload bytes, and one
 * {@value #MESSAGE_HEADER} header holding, in 42 bytes, the leader term, the facts of the
 * leader's connection that received it ({@link SessionFacts}) and when it arrived.</li>
 * <li><b>Term records</b>: key {@value #TERM_KEY} and a {@value #TERM_HEADER} header. A
 * new leader writes a <em>term claim</em> to partition 0, whose offset is its term, then
 * a <em>term start</em> to every other partition before its first message. A claim or
 * start that names the previous term opens a hand-over: both terms' messages are
 * delivered, de-duplicated, until a start of the new term that names none. A leader about
 * to give leadership up writes a <em>hand-over offer</em> to partition 0.</li>
 * </ul>
 * The key of a term record is not a Settrade topic (those have no {@code @}), so
 * compaction keeps the last message of every Settrade topic and the last term record of
 * every partition.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class FeedRecords {

	/**
	 * Key of the records that start a term.
	 */
	public static final String TERM_KEY = "@settrade-mqtt/term";

	/**
	 * Header of a message: its term and where it came from.
	 */
	public static final String MESSAGE_HEADER = "settrade-message";

	/**
	 * Header of a term record: its kind, its term and the term it takes over from.
	 */
	public static final String TERM_HEADER = "settrade-term";

	private static final int TERM_HEADER_LENGTH = 1 + 1 + 8 + 8;

	private static final byte CLAIM = 1;

	private static final byte START = 2;

	private static final byte OFFER = 3;

	private static final byte FORMAT = 1;

	private static final int MESSAGE_HEADER_LENGTH = 1 + 8 + 8 + 1 + 8 + 8 + 8;

	private static final SessionChange[] CHANGES = SessionChange.values();

	private static final byte[] NO_VALUE = new byte[0];

	private FeedRecords() {
	}

	/**
	 * Return the record of a message the leader's upstream received.
	 * @param feedTopic the Kafka topic
	 * @param term the leader's term
	 * @param topic the Settrade topic
	 * @param payload the payload
	 * @param session the facts of the connection that received it
	 * @param receivedAt when it arrived
	 * @return the record
	 */
	public static ProducerRecord<String, byte[]> message(String feedTopic, long term, String topic, byte[] payload,
			SessionFacts session, Instant receivedAt) {
		ByteBuffer header = ByteBuffer.allocate(MESSAGE_HEADER_LENGTH)
			.put(FORMAT)
			.putLong(term)
			.putLong(session.epoch())
			.put((byte) session.change().ordinal())
			.putLong(session.gap().toNanos())
			.putLong(epochMicros(session.connectedAt()))
			.putLong(epochMicros(receivedAt));
		RecordHeaders headers = new RecordHeaders(new Header[] { new RecordHeader(MESSAGE_HEADER, header.array()) });
		return new ProducerRecord<>(feedTopic, null, topic, payload, headers);
	}

	/**
	 * Return the record that claims a new term: on partition 0, whose offset for it is
	 * the term.
	 * @param feedTopic the Kafka topic
	 * @param previous the term handed over, or {@code -1} for none: the new term fences
	 * every earlier one at once
	 * @return the record
	 */
	public static ProducerRecord<String, byte[]> termClaim(String feedTopic, long previous) {
		return termRecord(feedTopic, 0, CLAIM, -1, previous);
	}

	/**
	 * Return the record that starts a term on a partition.
	 * @param feedTopic the Kafka topic
	 * @param partition the partition
	 * @param term the term
	 * @param previous the term handed over, whose messages are still delivered, or
	 * {@code -1}: from this record on, messages of earlier terms are not delivered
	 * @return the record
	 */
	public static ProducerRecord<String, byte[]> termStart(String feedTopic, int partition, long term, long previous) {
		return termRecord(feedTopic, partition, START, term, previous);
	}

	/**
	 * Return the record by which a leader offers its upstream to the next one.
	 * @param feedTopic the Kafka topic
	 * @param term the offering leader's term
	 * @return the record
	 */
	public static ProducerRecord<String, byte[]> handOverOffer(String feedTopic, long term) {
		return termRecord(feedTopic, 0, OFFER, term, -1);
	}

	private static ProducerRecord<String, byte[]> termRecord(String feedTopic, int partition, byte kind, long term,
			long previous) {
		byte[] header = ByteBuffer.allocate(TERM_HEADER_LENGTH)
			.put(FORMAT)
			.put(kind)
			.putLong(term)
			.putLong(previous)
			.array();
		RecordHeaders headers = new RecordHeaders(new Header[] { new RecordHeader(TERM_HEADER, header) });
		return new ProducerRecord<>(feedTopic, partition, TERM_KEY, NO_VALUE, headers);
	}

	/**
	 * Read a record of the feed topic.
	 * @param record the record
	 * @return what it holds
	 * @throws IllegalArgumentException if it is neither a message nor a term record
	 */
	public static FeedRecord read(ConsumerRecord<String, byte[]> record) {
		String key = record.key();
		if (key == null) {
			throw new IllegalArgumentException("A record of the feed topic has no key");
		}
		if (TERM_KEY.equals(key)) {
			ByteBuffer header = header(record, TERM_HEADER, TERM_HEADER_LENGTH);
			byte kind = header.get();
			long term = header.getLong();
			long previous = header.getLong();
			return switch (kind) {
				case CLAIM -> new TermStart(record.offset(), previous);
				case START -> new TermStart(term, previous);
				case OFFER -> new HandOverOffer(term);
				default ->
					throw new IllegalArgumentException("A term record of the feed topic has unknown kind " + kind);
			};
		}
		ByteBuffer header = header(record, MESSAGE_HEADER, MESSAGE_HEADER_LENGTH);
		long term = header.getLong();
		long epoch = header.getLong();
		int change = header.get();
		if (change < 0 || change >= CHANGES.length) {
			throw new IllegalArgumentException("A message of the feed topic has an unknown session change " + change);
		}
		Duration gap = Duration.ofNanos(header.getLong());
		Instant connectedAt = fromEpochMicros(header.getLong());
		Instant receivedAt = fromEpochMicros(header.getLong());
		byte[] payload = (record.value() != null) ? record.value() : NO_VALUE;
		return new Message(term, key, payload, new SessionFacts(epoch, CHANGES[change], gap, connectedAt), receivedAt);
	}

	private static ByteBuffer header(ConsumerRecord<String, byte[]> record, String name, int length) {
		Header header = record.headers().lastHeader(name);
		if (header == null || header.value() == null || header.value().length < length) {
			throw new IllegalArgumentException("A record of the feed topic has no valid '" + name + "' header (key '"
					+ printable(record.key()) + "')");
		}
		ByteBuffer buffer = ByteBuffer.wrap(header.value());
		byte format = buffer.get();
		if (format != FORMAT) {
			throw new IllegalArgumentException(
					"A record of the feed topic has format " + format + " in its '" + name + "' header, not " + FORMAT);
		}
		return buffer;
	}

	private static String printable(@Nullable String key) {
		if (key == null) {
			return "";
		}
		return (key.length() <= 80) ? key : key.substring(0, 80) + "…";
	}

	private static long epochMicros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	private static Instant fromEpochMicros(long micros) {
		return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
	}

	/**
	 * A record of the feed topic.
	 */
	public sealed interface FeedRecord permits Message, TermStart, HandOverOffer {

		/**
		 * Return the leader term the record belongs to.
		 * @return the term
		 */
		long term();

	}

	/**
	 * A message of the leader's upstream.
	 *
	 * @param term the leader's term
	 * @param topic the Settrade topic
	 * @param payload the payload
	 * @param session the facts of the leader's connection that received it
	 * @param receivedAt when it arrived at the leader
	 */
	public record Message(long term, String topic, byte[] payload, SessionFacts session,
			Instant receivedAt) implements FeedRecord {

	}

	/**
	 * The start of a term on a partition. Without a previous term, no message of an
	 * earlier term that comes after it is delivered; with one, that term's messages are
	 * still delivered, de-duplicated against the new term's, until a start without one.
	 *
	 * @param term the term
	 * @param previous the term handed over, or {@code -1}
	 */
	public record TermStart(long term, long previous) implements FeedRecord {

		/**
		 * Return whether this start opens a hand-over from the previous term.
		 * @return whether a previous term is named
		 */
		public boolean handsOver() {
			return this.previous >= 0;
		}

	}

	/**
	 * A leader's offer of its upstream to the next leader, before it gives leadership up.
	 *
	 * @param term the offering leader's term
	 */
	public record HandOverOffer(long term) implements FeedRecord {

	}

}
