package io.github.settrademqtt.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.settrademqtt.autoconfigure.SettradeMqttProperties;
import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.feed.BidOffer;
import io.github.settrademqtt.feed.Price;
import io.github.settrademqtt.feed.PriceInfo;
import io.github.settrademqtt.feed.liveness.TradingCalendar;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The live page's events as JSON-ready maps, in words a person reads: a trading phase as
 * "Open (continuous trading)", never {@code OPEN_E}; every time with its date and zone
 * ({@code 2026-11-30 16:32:05 ICT (Asia/Bangkok)}), in the exchange's zone
 * ({@code settrade.mqtt.market-hours.zone}). Numbers stay numbers, for the page's charts.
 *
 * @author settrade-mqtt
 */
@Component
class LiveFeedEvents {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz '('VV')'",
			Locale.ENGLISH);

	private final ObjectProvider<SettradeMqttConnection> connection;

	private final ObjectProvider<TradingCalendar> calendar;

	private final ConnectionTimeline timeline;

	private final MessageRate rate;

	private final SettradeMqttProperties properties;

	private final DateTimeFormatter time;

	LiveFeedEvents(ObjectProvider<SettradeMqttConnection> connection, ObjectProvider<TradingCalendar> calendar,
			ObjectProvider<SettradeMqttProperties> properties, ConnectionTimeline timeline, MessageRate rate) {
		this.connection = connection;
		this.calendar = calendar;
		this.timeline = timeline;
		this.rate = rate;
		this.properties = properties.getIfAvailable(SettradeMqttProperties::new);
		this.time = TIME.withZone(this.properties.getMarketHours().getZone());
	}

	/**
	 * A time as the page shows it, with its date and zone.
	 */
	private String time(Instant instant) {
		return this.time.format(instant);
	}

	Map<String, @Nullable Object> book(BidOffer book) {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		data.put("symbol", book.symbol());
		data.put("bids", levels(book.bids()));
		data.put("asks", levels(book.asks()));
		data.put("auction", book.isAto() ? "Opening auction (ATO)" : book.isAtc() ? "Closing auction (ATC)" : null);
		data.put("receivedAt", time(book.receipt().receivedAt()));
		return data;
	}

	private static List<Map<String, Object>> levels(List<BidOffer.PriceLevel> levels) {
		List<Map<String, Object>> result = new ArrayList<>(levels.size());
		for (BidOffer.PriceLevel level : levels) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("price", decimal(level.price()));
			entry.put("volume", level.volume());
			result.add(entry);
		}
		return result;
	}

	Map<String, @Nullable Object> price(PriceInfo price, List<BigDecimal> history) {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		data.put("symbol", price.symbol());
		data.put("last", decimal(price.last()));
		data.put("high", decimal(price.high()));
		data.put("low", decimal(price.low()));
		data.put("change", decimal(price.change()));
		data.put("changePercent", percent(price));
		data.put("totalVolume", price.totalVolume());
		data.put("marketStatus", MarketStatusWords.describe(price.marketStatus()));
		data.put("marketTone", MarketStatusWords.tone(price.marketStatus()));
		data.put("receivedAt", time(price.receipt().receivedAt()));
		data.put("history", history);
		return data;
	}

	/**
	 * A price as the exchange shows it: at least two decimals ({@code 9.80}, not
	 * {@code 9.8}).
	 */
	private static String decimal(Price price) {
		BigDecimal value = price.toBigDecimal();
		return value.setScale(Math.max(2, value.scale())).toPlainString();
	}

	/**
	 * The change in percent of the previous close (the last price less the change).
	 */
	private static @Nullable String percent(PriceInfo price) {
		BigDecimal change = price.change().toBigDecimal();
		BigDecimal previousClose = price.last().toBigDecimal().subtract(change);
		if (previousClose.signum() <= 0) {
			return null;
		}
		return change.multiply(BigDecimal.valueOf(100)).divide(previousClose, 2, RoundingMode.HALF_UP).toPlainString();
	}

	Map<String, @Nullable Object> status() {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		SettradeMqttConnection connection = this.connection.getIfAvailable();
		ConnectionState state = (connection != null) ? connection.getState() : null;
		data.put("state", (state != null) ? state.name() : "INACTIVE");
		data.put("stateText", words(state));
		if (connection != null) {
			data.put("host", connection.getHost());
			SessionFacts facts = connection.getSessionFacts();
			data.put("epoch", (facts != null) ? facts.epoch() : null);
			data.put("change", (facts != null) ? facts.change().name() : null);
			data.put("connectedAt", (facts != null) ? time(facts.connectedAt()) : null);
			Long expiresAtNanos = connection.getTicketExpiresAtNanos();
			if (expiresAtNanos != null) {
				Duration left = Duration.ofNanos(expiresAtNanos - System.nanoTime());
				Instant expiresAt = Instant.now().plus(left);
				Duration untilRotation = left.minus(this.properties.getTokenRefreshBeforeExpiry());
				data.put("ticketExpiresAt", time(expiresAt));
				data.put("nextRotation", time(expiresAt.minus(this.properties.getTokenRefreshBeforeExpiry())));
				data.put("nextRotationInSeconds", Math.max(0, untilRotation.toSeconds()));
			}
		}
		data.put("zone", this.properties.getMarketHours().getZone().getId());
		TradingCalendar calendar = this.calendar.getIfAvailable();
		if (calendar != null) {
			data.put("marketOpen", calendar.isOpen(Instant.now()));
			data.put("marketHours", marketHours());
		}
		data.put("rate", this.rate.perSecond());
		data.put("messages", this.rate.total());
		data.put("rateHistory", this.rate.history());
		data.put("timeline", this.timeline.entries().stream().map(this::entry).toList());
		ConnectionTimeline.Totals totals = this.timeline.totals();
		data.put("rotations", totals.rotations());
		data.put("rotationGapMillis", totals.rotationGaps().toMillis());
		data.put("recoveries", totals.recoveries());
		data.put("recoveryGapMillis", totals.recoveryGaps().toMillis());
		return data;
	}

	private static String words(@Nullable ConnectionState state) {
		if (state == null) {
			return "Inactive (the starter is off)";
		}
		return switch (state) {
			case CONNECTING -> "Connecting";
			case CONNECTED -> "Connected";
			case ROTATING -> "Rotating";
			case RECONNECTING -> "Reconnecting";
			case AUTH_FAILED -> "Credentials rejected";
			case STOPPED -> "Stopped";
		};
	}

	/**
	 * The trading calendar's sessions in words, such as {@code Mon–Fri 09:45-12:30,
	 * 14:15-16:55 (Asia/Bangkok)}.
	 */
	private String marketHours() {
		SettradeMqttProperties.MarketHours hours = this.properties.getMarketHours();
		return days(hours.getDays()) + " " + String.join(", ", hours.getSessions()) + " (" + hours.getZone().getId()
				+ ")";
	}

	private static String days(List<DayOfWeek> days) {
		List<DayOfWeek> sorted = days.stream().sorted().distinct().toList();
		if (sorted.isEmpty()) {
			return "no days";
		}
		DayOfWeek first = sorted.get(0);
		DayOfWeek last = sorted.get(sorted.size() - 1);
		if (sorted.size() > 2 && last.getValue() - first.getValue() == sorted.size() - 1) {
			return name(first) + "\u2013" + name(last);
		}
		return String.join(", ", sorted.stream().map(LiveFeedEvents::name).toList());
	}

	private static String name(DayOfWeek day) {
		return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
	}

	private Map<String, @Nullable Object> entry(TimelineEntry entry) {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		data.put("kind", entry.kind().id());
		data.put("at", time(entry.at()));
		data.put("epoch", entry.epoch());
		data.put("gapMillis", (entry.gap() != null) ? entry.gap().toMillis() : null);
		data.put("tookMillis", (entry.took() != null) ? entry.took().toMillis() : null);
		data.put("detail", entry.detail());
		data.put("count", entry.count());
		return data;
	}

}
