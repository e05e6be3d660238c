package io.github.settrademqtt.test;

import java.time.Instant;

/**
 * What the simulator knows about a dispatcher ticket it issued. The ticket value itself
 * is deliberately not part of it, so that it never ends up in a log line.
 *
 * @param appId the application the ticket was issued to
 * @param appCode the application code the ticket was issued to
 * @param brokerId the broker the ticket is valid for
 * @param issuedAt when the ticket was issued (simulator clock)
 * @param expiresAt when the ticket expires: the expiry of the access token it was
 * obtained with, since the live service drops an MQTT connection when that token expires
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record TicketInfo(String appId, String appCode, String brokerId, Instant issuedAt, Instant expiresAt) {

}
