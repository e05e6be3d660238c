package io.github.settrademqtt.docs;

import io.github.settrademqtt.cluster.event.LeadershipGrantedEvent;
import io.github.settrademqtt.cluster.event.LeadershipRevokedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
class LeadershipLog {

	private static final Log logger = LogFactory.getLog(LeadershipLog.class);

	@EventListener
	void granted(LeadershipGrantedEvent event) {
		logger.info("This replica holds the Settrade connection now (role " + event.getRole() + ")");
	}

	@EventListener
	void revoked(LeadershipRevokedEvent event) {
		logger.info("This replica gave the Settrade connection up after " + event.getLedFor().toSeconds() + " s");
	}

}
