/**
 * The feed's application events: {@link io.github.settrademqtt.event.SettradeMqttEvent},
 * the base of every event the login service and the connection publish, and the publisher
 * that keeps a failing listener from breaking either. The events themselves live beside
 * what they report on, in {@code login.event}, {@code connection.event} and
 * {@code cluster.event}. Depends on nothing of the feed but {@code support}, so that
 * {@code login}, {@code connection} and {@code cluster} can all publish.
 */
@NullMarked
package io.github.settrademqtt.event;

import org.jspecify.annotations.NullMarked;
