package io.github.settrademqtt.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.core.ResolvableType;

/**
 * The names of the {@code settrade.mqtt.*} properties, read off
 * {@link SettradeMqttProperties} so that they never disagree with what binds.
 *
 * @author settrade-mqtt
 */
final class SettradeMqttPropertyNames {

	static final String PREFIX = "settrade.mqtt";

	private SettradeMqttPropertyNames() {
	}

	/**
	 * Return every property name, in the canonical dashed form and without list indexes:
	 * the entries of a list of groups appear by their group's names, such as
	 * {@code settrade.mqtt.subscriptions.candlestick.symbol}. Sorted.
	 */
	static Set<String> all() {
		Set<String> names = new TreeSet<>();
		collect(PREFIX, SettradeMqttProperties.class, names);
		return names;
	}

	private static void collect(String prefix, Class<?> type, Set<String> names) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			Method getter = descriptor.getReadMethod();
			if (getter == null || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			String name = prefix + "." + DataObjectPropertyName.toDashedForm(descriptor.getName());
			ResolvableType propertyType = ResolvableType.forMethodReturnType(getter);
			Class<?> group = group(propertyType.resolve());
			if (group == null && propertyType.asCollection() != ResolvableType.NONE) {
				group = group(propertyType.asCollection().resolveGeneric());
			}
			if (group != null) {
				collect(name, group, names);
			}
			else {
				names.add(name);
			}
		}
	}

	/**
	 * The groups of properties are the classes nested in {@link SettradeMqttProperties}.
	 */
	private static @Nullable Class<?> group(@Nullable Class<?> type) {
		return (type != null && type.getDeclaringClass() == SettradeMqttProperties.class) ? type : null;
	}

}
