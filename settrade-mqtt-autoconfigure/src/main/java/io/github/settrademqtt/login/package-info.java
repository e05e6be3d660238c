/**
 * Logging in to the Settrade Open API: the app secret and signer, the login, refresh and
 * dispatcher ticket calls, and the service that keeps the access token alive. Knows
 * nothing of MQTT.
 */
@NullMarked
package io.github.settrademqtt.login;

import org.jspecify.annotations.NullMarked;
