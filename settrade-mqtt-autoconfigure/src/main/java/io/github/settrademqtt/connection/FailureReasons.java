package io.github.settrademqtt.connection;

import io.github.settrademqtt.login.SettradeApiException;

/**
 * How the connection says what went wrong, in one line fit for a log and for health.
 *
 * @author settrade-mqtt
 */
final class FailureReasons {

	private FailureReasons() {
	}

	/**
	 * Return whether a failure is one the connection expects and says without a stack
	 * trace: the service's answers and the failures of a connection attempt.
	 */
	static boolean isExpected(Throwable ex) {
		return ex instanceof SettradeApiException || ex instanceof ConnectAttemptException;
	}

	/**
	 * Return why something failed: its message when expected, otherwise
	 * {@code unexpected} and the exception.
	 */
	static String reason(Throwable ex) {
		return isExpected(ex) ? String.valueOf(ex.getMessage()) : "unexpected " + ex;
	}

	/**
	 * Return the innermost cause of a failure, as its type and message.
	 */
	static String mostSpecific(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	static String describe(ConnectionStep step) {
		return switch (step) {
			case TICKET -> "obtaining a dispatcher ticket";
			case OPEN -> "opening the connection";
			case SUBSCRIBE -> "subscribing";
			case INSTALL -> "installing the connection";
			case PUBLISH_EVENT -> "publishing an event";
			case ROTATE -> "starting a rotation";
			case ALIGN -> "lining up the new connection's streams with the old one's";
			case HAND_OVER -> "handing over";
		};
	}

	static String describe(SessionChange change) {
		return switch (change) {
			case INITIAL -> "first connection";
			case ROTATION -> "planned rotation";
			case RECOVERY -> "recovered after loss";
		};
	}

}
