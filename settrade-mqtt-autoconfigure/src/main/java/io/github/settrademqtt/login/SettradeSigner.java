package io.github.settrademqtt.login;

/**
 * Signs the content of a Settrade login request.
 * <p>
 * Settrade checks an ECDSA P-256 signature over SHA-256 of
 * {@code appId + "." + params + "." + timestamp}, DER encoded, as lower-case hex. Declare
 * a bean of this type to sign elsewhere, for example in a hardware security module.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see EcdsaSettradeSigner
 */
@FunctionalInterface
public interface SettradeSigner {

	/**
	 * Sign the given content.
	 * @param content the UTF-8 content to sign
	 * @return the DER signature as lower-case hex
	 */
	String sign(String content);

	/**
	 * Return the content Settrade expects to be signed for a login.
	 * @param appId the app id (API key)
	 * @param params the login parameters, usually empty
	 * @param timestamp the request time in milliseconds since the epoch
	 * @return the content to sign
	 */
	static String loginContent(String appId, String params, long timestamp) {
		return appId + "." + params + "." + timestamp;
	}

}
