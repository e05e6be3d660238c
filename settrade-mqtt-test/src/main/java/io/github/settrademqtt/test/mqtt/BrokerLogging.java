package io.github.settrademqtt.test.mqtt;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded broker (Moquette, loggers {@code io.moquette}) quiet: it logs every
 * connection and every published message at {@code INFO}, which would fill a test's
 * output. Unless a level is configured for {@code io.moquette} (for example
 * {@code logging.level.io.moquette=info} or a {@code <logger name="io.moquette">} in the
 * Logback configuration), its level is set to {@code WARN}. Only Logback, Spring Boot's
 * default, is adjusted; with another logging system the broker logs as that system is
 * configured.
 *
 * @author settrade-mqtt
 */
public final class BrokerLogging {

	public static final String LOGGER_NAME = "io.moquette";

	private static final boolean LOGBACK_PRESENT = isPresent("ch.qos.logback.classic.LoggerContext");

	private BrokerLogging() {
	}

	/**
	 * Sets the broker's loggers to {@code WARN} unless a level is configured for them.
	 */
	public static void quiet() {
		if (LOGBACK_PRESENT) {
			Logback.quiet();
		}
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, BrokerLogging.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Kept apart so that nothing of Logback is loaded when it is absent.
	 */
	private static final class Logback {

		private static final QuietAfterReset QUIET_AFTER_RESET = new QuietAfterReset();

		static void quiet() {
			ILoggerFactory factory = LoggerFactory.getILoggerFactory();
			if (factory instanceof LoggerContext context) {
				quiet(context);
				// A reset (Spring Boot re-initialising logging for another application
				// context) drops the level while this broker may still run
				if (!context.getCopyOfListenerList().contains(QUIET_AFTER_RESET)) {
					context.addListener(QUIET_AFTER_RESET);
				}
			}
		}

		static void quiet(LoggerContext context) {
			Logger logger = context.getLogger(LOGGER_NAME);
			if (logger.getLevel() == null) {
				logger.setLevel(Level.WARN);
			}
		}

	}

	/**
	 * Quiets the broker again once Logback was reset, before the configuration is read
	 * again: a level configured there still wins.
	 */
	private static final class QuietAfterReset implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onReset(LoggerContext context) {
			Logback.quiet(context);
		}

		@Override
		public void onStart(LoggerContext context) {
		}

		@Override
		public void onStop(LoggerContext context) {
		}

		@Override
		public void onLevelChange(Logger logger, Level level) {
		}

	}

}
