package io.github.settrademqtt.docs;

import io.github.settrademqtt.connection.event.AuthenticationFailedEvent;
import io.github.settrademqtt.connection.event.ConnectionLostEvent;
import io.github.settrademqtt.connection.event.RecoveredEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
class FeedWatch {

	private static final Log logger = LogFactory.getLog(FeedWatch.class);

	@EventListener
	void lost(ConnectionLostEvent event) {
		logger.warn("Settrade feed lost (" + event.getReason() + "); reconnecting");
	}

	@EventListener
	void recovered(RecoveredEvent event) {
		// Settrade replays nothing: messages may be missing from the gap
		logger.warn("Settrade feed back after a gap of " + event.getGap().toMillis() + " ms");
	}

	@EventListener
	void credentialsRejected(AuthenticationFailedEvent event) {
		logger.error("Settrade rejects the credentials: " + event.getReason());
	}

}
