package io.github.settrademqtt.connection;

import java.time.Duration;
import java.time.Instant;

/**
 * Facts about the connection that delivered a message, carried by every message so that
 * consumers can tell where a feed may have a hole.
 *
 * @param epoch the connection's number, increasing from 1 with every new connection
 * @param change why this connection took over
 * @param gap how long no connection was delivering before this one took over; zero after
 * a gap-free rotation
 * @param connectedAt when this connection took over
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record SessionFacts(long epoch, SessionChange change, Duration gap, Instant connectedAt) {

}
