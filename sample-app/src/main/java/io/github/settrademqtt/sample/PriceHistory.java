package io.github.settrademqtt.sample;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.settrademqtt.feed.Price;

/**
 * The recent history of each symbol's last price, for the live page's charts: one point a
 * second (the newest price of that second), the newest {@value #CAPACITY}. A symbol's
 * first price is a point at once, so that its chart starts with its first price. Prices
 * are recorded by the starter's delivery threads, sampled by the live feed's.
 *
 * @author settrade-mqtt
 */
class PriceHistory {

	/**
	 * How many points each symbol keeps: three minutes.
	 */
	static final int CAPACITY = 180;

	private final Map<String, Price> newest = new ConcurrentHashMap<>();

	private final Map<String, Deque<BigDecimal>> points = new ConcurrentHashMap<>();

	/**
	 * Record a symbol's newest last price.
	 * @param symbol the symbol
	 * @param last its last price
	 */
	void record(String symbol, Price last) {
		if (this.newest.put(symbol, last) == null) {
			append(symbol, last);
		}
	}

	/**
	 * Add the newest price of every symbol as a point; called once a second.
	 */
	void sample() {
		this.newest.forEach(this::append);
	}

	/**
	 * Return a symbol's points, oldest first.
	 * @param symbol the symbol
	 * @return the points, empty for a symbol with no price yet
	 */
	List<BigDecimal> of(String symbol) {
		Deque<BigDecimal> points = this.points.get(symbol);
		if (points == null) {
			return List.of();
		}
		synchronized (points) {
			return List.copyOf(points);
		}
	}

	private void append(String symbol, Price price) {
		Deque<BigDecimal> points = this.points.computeIfAbsent(symbol, (key) -> new ArrayDeque<>(CAPACITY + 1));
		synchronized (points) {
			points.addLast(price.toBigDecimal());
			while (points.size() > CAPACITY) {
				points.pollFirst();
			}
		}
	}

}
