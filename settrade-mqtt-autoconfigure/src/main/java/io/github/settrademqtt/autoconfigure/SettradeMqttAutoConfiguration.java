package io.github.settrademqtt.autoconfigure;

import io.github.settrademqtt.autoconfigure.InvalidSettradePropertiesException.Problem;
import io.github.settrademqtt.login.AppSecret;
import io.github.settrademqtt.login.DefaultSettradeLoginService;
import io.github.settrademqtt.login.EcdsaSettradeSigner;
import io.github.settrademqtt.login.SettradeCredentials;
import io.github.settrademqtt.login.SettradeLoginClient;
import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.login.SettradeSigner;
import io.github.settrademqtt.support.ExponentialBackoff;
import io.github.settrademqtt.connection.ConnectionSettings;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SettradeMqttMessageProducer;
import io.github.settrademqtt.connection.SettradeTokenRefresher;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.feed.delivery.FeedObserver;
import io.github.settrademqtt.feed.delivery.MarketDataDelivery;
import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.MarketDataKinds;
import io.github.settrademqtt.feed.delivery.MarketDataListeners;
import io.github.settrademqtt.feed.listener.MarketDataListener;
import io.github.settrademqtt.feed.liveness.FeedLiveness;
import io.github.settrademqtt.feed.liveness.FeedWatchdog;
import io.github.settrademqtt.feed.liveness.TradingCalendar;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.PublishSubscribeChannel;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.web.client.RestClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the Settrade Open API realtime feed.
 * <p>
 * Active once {@code settrade.mqtt.app-secret} is set (or the application defines its own
 * {@link SettradeConnectionDetails}, {@link SettradeSigner} or
 * {@link SettradeLoginService}); otherwise it logs one line saying so and stays out of
 * the way.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@AutoConfiguration(
		after = { SslAutoConfiguration.class, HttpClientAutoConfiguration.class, RestClientAutoConfiguration.class })
@ConditionalOnClass(RestClient.class)
@ConditionalOnBooleanProperty(name = "settrade.mqtt.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SettradeMqttProperties.class)
public final class SettradeMqttAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(SettradeConfiguredCondition.class)
	static class LoginConfiguration {

		@Bean
		@ConditionalOnMissingBean(SettradeConnectionDetails.class)
		PropertiesSettradeConnectionDetails settradeConnectionDetails(SettradeMqttProperties properties) {
			SettradeMqttPropertiesValidator.validate(properties, true);
			return new PropertiesSettradeConnectionDetails(properties);
		}

		@Bean
		@ConditionalOnMissingBean
		SettradeSigner settradeSigner(SettradeConnectionDetails connectionDetails) {
			AppSecret secret = connectionDetails.getAppSecret();
			if (secret == null) {
				throw new InvalidSettradePropertiesException(
						List.of(new Problem(OnSettradeAppSecretCondition.PROPERTY, "is required to sign the login",
								"Set " + OnSettradeAppSecretCondition.PROPERTY + " (environment variable "
										+ "SETTRADE_MQTT_APP_SECRET), or define a SettradeSigner bean")));
			}
			return new EcdsaSettradeSigner(secret);
		}

		@Bean
		@ConditionalOnMissingBean
		SettradeLoginClient settradeLoginClient(SettradeMqttProperties properties,
				SettradeConnectionDetails connectionDetails, SettradeSigner signer,
				ObjectProvider<RestClient.Builder> restClientBuilder,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
				ObjectProvider<SettradeLoginRestClientCustomizer> customizers) {
			if (!(connectionDetails instanceof PropertiesSettradeConnectionDetails)) {
				SettradeMqttPropertiesValidator.validate(properties, false);
			}
			RestClient restClient = SettradeRestClientFactory.create(properties, restClientBuilder,
					requestFactoryBuilder, httpClientSettings, sslBundles, customizers);
			SettradeCredentials credentials = new SettradeCredentials(connectionDetails.getBaseUrl(),
					connectionDetails.getBrokerId(), connectionDetails.getAppId(), connectionDetails.getAppCode());
			SettradeMqttProperties.Retry retry = properties.getLogin().getRetry();
			ExponentialBackoff backOff = new ExponentialBackoff(retry.getInitialBackoff(), retry.getMaxBackoff(),
					retry.getMultiplier(), retry.getJitter());
			return new SettradeLoginClient(restClient, credentials, signer,
					SettradeLoginClient.retry(retry.getMaxAttempts(), backOff));
		}

		@Bean
		@ConditionalOnMissingBean(SettradeLoginService.class)
		DefaultSettradeLoginService settradeLoginService(SettradeLoginClient loginClient) {
			return new DefaultSettradeLoginService(loginClient);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(SettradeConfiguredCondition.class)
	@ConditionalOnClass({ MqttPahoMessageDrivenChannelAdapter.class, MqttAsyncClient.class })
	static class ConnectionConfiguration {

		/**
		 * Name of the channel the raw feed (topic, bytes, session facts) is sent to.
		 */
		static final String INBOUND_CHANNEL = "settradeMqttInboundChannel";

		/**
		 * Name of the channel decoded market data events are sent to.
		 */
		static final String MARKET_DATA_CHANNEL = "settradeMarketDataChannel";

		@Bean
		@ConditionalOnMissingBean
		SubscriptionRegistry settradeSubscriptionRegistry(SettradeMqttProperties properties) {
			SubscriptionRegistry registry = new SubscriptionRegistry();
			PropertiesSubscriptions.claim(properties.getSubscriptions(), registry);
			return registry;
		}

		@Bean(INBOUND_CHANNEL)
		@ConditionalOnMissingBean(name = INBOUND_CHANNEL)
		PublishSubscribeChannel settradeMqttInboundChannel() {
			return new PublishSubscribeChannel();
		}

		@Bean
		@ConditionalOnMissingBean
		SettradeMqttMessageProducer settradeMqttMessageProducer(SettradeMqttProperties properties,
				@Qualifier(INBOUND_CHANNEL) MessageChannel settradeMqttInboundChannel) {
			SettradeMqttMessageProducer producer = new SettradeMqttMessageProducer();
			producer.setOutputChannel(settradeMqttInboundChannel);
			producer.setAutoStartup(properties.isAutoStartup());
			return producer;
		}

		@Bean
		@ConditionalOnMissingBean
		SettradeMqttConnection settradeMqttConnection(SettradeLoginService loginService,
				SettradeMqttProperties properties, SettradeConnectionDetails connectionDetails,
				SubscriptionRegistry registry, SettradeMqttMessageProducer producer, BeanFactory beanFactory,
				ObjectProvider<SslBundles> sslBundles) {
			ConnectionSettings settings = ConnectionSettingsMapper.map(properties, connectionDetails, sslBundles);
			SettradeMqttConnection connection = new SettradeMqttConnection(loginService, settings, registry, producer,
					beanFactory);
			connection.setAutoStartup(properties.isAutoStartup());
			return connection;
		}

		@Bean
		@ConditionalOnMissingBean
		FeedLiveness settradeFeedLiveness(SettradeMqttProperties properties, SubscriptionRegistry registry) {
			FeedLiveness liveness = new FeedLiveness(properties.getLiveness().getSilenceThreshold());
			registry.addListener(liveness);
			return liveness;
		}

		@Bean
		@ConditionalOnMissingBean
		MarketDataKinds settradeMarketDataKinds() {
			return MarketDataKinds.standard();
		}

		@Bean(MARKET_DATA_CHANNEL)
		@ConditionalOnMissingBean(name = MARKET_DATA_CHANNEL)
		PublishSubscribeChannel settradeMarketDataChannel() {
			return new PublishSubscribeChannel();
		}

		@Bean
		@ConditionalOnMissingBean
		MarketDataDelivery settradeMarketDataDelivery(SettradeMqttProperties properties,
				@Qualifier(INBOUND_CHANNEL) SubscribableChannel settradeMqttInboundChannel,
				@Qualifier(MARKET_DATA_CHANNEL) MessageChannel settradeMarketDataChannel, FeedLiveness liveness,
				MarketDataKinds kinds, ObjectProvider<MarketDataListener> all, ObjectProvider<FeedObserver> observers,
				SubscriptionRegistry registry, BeanFactory beanFactory) {
			MarketDataListeners listeners = listeners(kinds, all, beanFactory);
			MarketDataDelivery delivery = new MarketDataDelivery(settradeMqttInboundChannel, settradeMarketDataChannel,
					listeners, liveness, CompositeObserver.ofFeed(observers.orderedStream().toList()),
					properties.getDelivery().getThreads(), properties.getDelivery().getOrderQueueCapacity());
			delivery.setAutoStartup(properties.isAutoStartup());
			registry.addListener(delivery);
			return delivery;
		}

		/**
		 * Sort the listener beans by the table's rows, each kind's in bean order.
		 */
		private static MarketDataListeners listeners(MarketDataKinds kinds, ObjectProvider<MarketDataListener> all,
				BeanFactory beanFactory) {
			MarketDataListeners.Builder builder = MarketDataListeners.builder(kinds);
			for (MarketDataKind<?, ?> kind : kinds.all()) {
				addListeners(builder, kind, beanFactory);
			}
			all.orderedStream().forEach(builder::listener);
			return builder.build();
		}

		private static <L> void addListeners(MarketDataListeners.Builder builder, MarketDataKind<?, L> kind,
				BeanFactory beanFactory) {
			beanFactory.getBeanProvider(kind.listenerType())
				.orderedStream()
				.forEach((listener) -> builder.listener(kind, listener));
		}

		@Bean
		@ConditionalOnMissingBean
		TradingCalendar settradeTradingCalendar(SettradeMqttProperties properties) {
			return MarketHoursMapper.calendar(properties.getMarketHours());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "settrade.mqtt.liveness.heal", matchIfMissing = true)
		FeedWatchdog settradeFeedWatchdog(SettradeMqttConnection connection, SubscriptionRegistry registry,
				FeedLiveness liveness, TradingCalendar calendar, SettradeMqttProperties properties) {
			FeedWatchdog watchdog = new FeedWatchdog(connection, registry, liveness, calendar,
					properties.getLiveness().getFeedSilenceTimeout());
			watchdog.setAutoStartup(properties.isAutoStartup());
			return watchdog;
		}

		@Bean
		@ConditionalOnMissingBean
		SettradeTokenRefresher settradeTokenRefresher(SettradeLoginService loginService,
				SettradeMqttConnection connection, SettradeMqttProperties properties) {
			SettradeTokenRefresher refresher = new SettradeTokenRefresher(loginService, connection,
					properties.getTokenRefreshBeforeExpiry());
			refresher.setAutoStartup(properties.isAutoStartup());
			return refresher;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(SettradeNotConfiguredCondition.class)
	static class InactiveConfiguration {

		@Bean
		static InactiveNotice settradeMqttInactiveNotice() {
			return new InactiveNotice();
		}

	}

	/**
	 * Says once, at start-up, why the starter does nothing.
	 */
	static final class InactiveNotice implements SmartInitializingSingleton {

		private static final Log logger = LogFactory.getLog(SettradeMqttAutoConfiguration.class);

		@Override
		public void afterSingletonsInstantiated() {
			logger.info("Settrade MQTT is inactive: " + OnSettradeAppSecretCondition.PROPERTY
					+ " is not set (set SETTRADE_MQTT_APP_ID, SETTRADE_MQTT_APP_SECRET, SETTRADE_MQTT_APP_CODE and "
					+ "SETTRADE_MQTT_BROKER_ID, or their settrade.mqtt.* properties, to connect)");
		}

	}

}
